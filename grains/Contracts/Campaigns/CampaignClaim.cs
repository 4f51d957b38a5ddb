namespace Actors.Contracts.Campaigns;

/// <summary>A school's place in one campaign for the campaign's period.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignClaim(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] DateOnly StartsOn,
    [property: Id(2)] DateOnly EndsOn)
{
    public bool Overlaps(CampaignClaim other) =>
        other is not null && StartsOn <= other.EndsOn && other.StartsOn <= EndsOn;

    public bool Covers(DateOnly day) => StartsOn <= day && day <= EndsOn;
}
