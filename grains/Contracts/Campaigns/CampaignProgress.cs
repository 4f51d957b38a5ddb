namespace Actors.Contracts.Campaigns;

/// <summary>A campaign's progress against its targets, in total, by school and by governorate.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignProgress(
    [property: Id(0)] CampaignCounts Total,
    [property: Id(1)] IReadOnlyList<CampaignGroupCounts> BySchool,
    [property: Id(2)] IReadOnlyList<CampaignGroupCounts> ByGovernorate);
