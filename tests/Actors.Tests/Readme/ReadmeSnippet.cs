namespace Actors.Tests.Readme;

/// <summary>
/// One ```graphql block of the README: its operations in order, the token it runs with (the subject
/// named by a leading <c># as subject</c> comment, anonymous without one), whether its text says
/// it shows an error, whether it follows a payment on the sandbox page (<c>after paying on the page</c>),
/// and the text its first operation's answer must contain, asked again until it does
/// (<c>retried until "TEXT"</c>: the automatic pathway moves the request meanwhile), and whether it runs on the booked
/// appointment's day (<c>on the appointment's day</c>: the reader moves the Development clock there with POST /dev/clock).
/// </summary>
public sealed record ReadmeSnippet(
    int Line, string? Subject, bool ShowsError, IReadOnlyList<string> Operations, bool AfterPaying = false, string? RetriedUntil = null,
    bool OnAppointmentDay = false)
{
    public override string ToString() => $"README.md line {Line}";
}
