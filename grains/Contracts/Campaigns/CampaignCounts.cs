namespace Actors.Contracts.Campaigns;

/// <summary>Progress figures of a campaign, a school or a governorate. TargetReached is delivered / target (null without a target).</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignCounts(
    [property: Id(0)] int Target,
    [property: Id(1)] int Invited,
    [property: Id(2)] int Started,
    [property: Id(3)] int Paid,
    [property: Id(4)] int Booked,
    [property: Id(5)] int BiometricsTaken,
    [property: Id(6)] int Delivered)
{
    public static CampaignCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public double? TargetReached => Target > 0 ? Math.Round((double)Delivered / Target, 4) : null;

    public CampaignCounts Plus(CampaignCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Target + other.Target, Invited + other.Invited, Started + other.Started, Paid + other.Paid, Booked + other.Booked,
            BiometricsTaken + other.BiometricsTaken, Delivered + other.Delivered);
    }

    /// <summary>One request's milestones, counted once.</summary>
    public CampaignCounts With(CampaignMilestones reached) => this with
    {
        Started = Started + Count(reached, CampaignMilestones.Started),
        Paid = Paid + Count(reached, CampaignMilestones.Paid),
        Booked = Booked + Count(reached, CampaignMilestones.Booked),
        BiometricsTaken = BiometricsTaken + Count(reached, CampaignMilestones.BiometricsTaken),
        Delivered = Delivered + Count(reached, CampaignMilestones.Delivered),
    };

    private static int Count(CampaignMilestones reached, CampaignMilestones one) => reached.HasFlag(one) ? 1 : 0;
}
