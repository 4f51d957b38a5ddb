namespace Actors.Contracts.Campaigns;

/// <summary>What one request event tells a campaign: this pupil request, at this school, has reached these milestones.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestMilestones(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string SchoolCode,
    [property: Id(2)] CampaignMilestones Reached);
