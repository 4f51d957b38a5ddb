namespace Actors.Contracts.Campaigns;

/// <summary>What an education officer or supervisor gives to create a campaign; the schools may come later.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignSetup(
    [property: Id(0)] string Name,
    [property: Id(1)] string SchoolYear,
    [property: Id(2)] DateOnly StartsOn,
    [property: Id(3)] DateOnly EndsOn,
    [property: Id(4)] IReadOnlyList<string> Governorates,
    [property: Id(5)] IReadOnlyList<CampaignSchool> Schools);
