using Actors.Contracts.Requests;

namespace Actors.Contracts.Campaigns;

/// <summary>Which milestones a request's status means, in one place for the counters and for a recount.</summary>
public static class CampaignMilestoneRules
{
    /// <summary>The milestones a request in this status has reached; a refusal or cancellation adds none beyond Started.</summary>
    public static CampaignMilestones Of(RequestStatus status) => status switch
    {
        RequestStatus.Delivered => Through(CampaignMilestones.Delivered),
        RequestStatus.BiometricsCaptured or RequestStatus.InProduction or RequestStatus.ReadyForDelivery => Through(CampaignMilestones.BiometricsTaken),
        RequestStatus.AppointmentBooked => Through(CampaignMilestones.Booked),
        RequestStatus.Paid => Through(CampaignMilestones.Paid),
        _ => CampaignMilestones.Started,
    };

    /// <summary>The milestones over every status a request went through (its history).</summary>
    public static CampaignMilestones Of(IEnumerable<RequestStatus> statuses) =>
        statuses.Aggregate(CampaignMilestones.None, (reached, status) => reached | Of(status));

    private static CampaignMilestones Through(CampaignMilestones last)
    {
        var all = CampaignMilestones.None;
        for (var m = CampaignMilestones.Started; m <= last; m = (CampaignMilestones)((int)m << 1))
        {
            all |= m;
        }

        return all;
    }
}
