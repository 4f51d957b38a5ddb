namespace Actors.Contracts.Campaigns;

/// <summary>A campaign as its grain shows it, with its progress as of <see cref="UpdatedAt"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string SchoolYear,
    [property: Id(3)] DateOnly StartsOn,
    [property: Id(4)] DateOnly EndsOn,
    [property: Id(5)] IReadOnlyList<string> Governorates,
    [property: Id(6)] IReadOnlyList<CampaignSchool> Schools,
    [property: Id(7)] CampaignProgress Progress,
    [property: Id(8)] long Version,
    [property: Id(9)] string CreatedBy,
    [property: Id(10)] DateTimeOffset UpdatedAt);
