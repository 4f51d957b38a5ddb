namespace Actors.Grains.Requests;

/// <summary>
/// Configuration section "Requests": the plausibility limits of a card application. The defaults
/// are ours; the README's configuration table says where they come from.
/// </summary>
public sealed class RequestOptions
{
    public const string Section = "Requests";

    /// <summary>
    /// The youngest applicant for a national ID card. Organic law no. 2024-22 (amending law no. 93-27)
    /// makes the card compulsory from 15 and allows it from 12 in exceptional cases: 12 is the floor.
    /// </summary>
    public int MinimumCardAge { get; set; } = 12;

    /// <summary>The ages a pupil can plausibly have: school starts at 6; 20 leaves room after the baccalauréat year.</summary>
    public AgeRange PupilAgeRange { get; set; } = new() { Minimum = 6, Maximum = 20 };

    /// <summary>How long a started online payment may be paid on the gateway's page (ours: half an hour, like most hosted pages).</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many online payments one request may start (declined cards included); then the desk takes over.</summary>
    public int MaxPaymentAttempts { get; set; } = 10;

    /// <summary>The no-shows after which a card request expires instead of going back to booking (ours: a second missed appointment).</summary>
    public int MaxNoShows { get; set; } = 2;

    public bool IsValid => MaxNoShows > 0 && PaymentWindow > TimeSpan.Zero && MaxPaymentAttempts > 0 && MinimumCardAge >= 0 && PupilAgeRange.Minimum >= 0 && PupilAgeRange.Minimum <= PupilAgeRange.Maximum;
}
