namespace Actors.Contracts.Campaigns;

/// <summary>A school taking part in a campaign, with how many pupils it aims to see through the pathway.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignSchool(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Governorate,
    [property: Id(3)] int Target);
