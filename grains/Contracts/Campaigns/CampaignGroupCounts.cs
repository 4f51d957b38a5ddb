namespace Actors.Contracts.Campaigns;

/// <summary>The figures of one school (Key: its code) or one governorate (Key: its code).</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignGroupCounts(
    [property: Id(0)] string Key,
    [property: Id(1)] CampaignCounts Counts);
