namespace Actors.Contracts.Campaigns;

/// <summary>
/// The stages of a pupil's request that a campaign counts. They are cumulative: a request seen delivered has
/// also been started, paid, booked and had its biometrics taken, even if the campaign missed an event between.
/// </summary>
[Flags]
public enum CampaignMilestones
{
    None = 0,
    Started = 1,
    Paid = 2,
    Booked = 4,
    BiometricsTaken = 8,
    Delivered = 16,
}
