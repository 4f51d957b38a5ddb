namespace Actors.Api.Campaigns;

/// <summary>
/// A campaign's, school's or governorate's figures as the caller may see them: the pupil counts, each null when
/// withheld (<see cref="CampaignSuppression"/>); the target, a planned figure about no one, always shown.
/// </summary>
public sealed record CampaignFigures(
    int Target, int? Invited, int? Started, int? Paid, int? Booked, int? BiometricsTaken, int? Delivered)
{
    /// <summary>Whether any count is withheld.</summary>
    public bool Suppressed => Invited is null || Started is null || Paid is null || Booked is null || BiometricsTaken is null || Delivered is null;

    /// <summary>delivered / target, as <see cref="Contracts.Campaigns.CampaignCounts.TargetReached"/>; null when delivered is withheld.</summary>
    public double? TargetReached => Target > 0 && Delivered is { } delivered ? Math.Round((double)delivered / Target, 4) : null;
}
