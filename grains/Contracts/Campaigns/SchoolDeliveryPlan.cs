namespace Actors.Contracts.Campaigns;

/// <summary>A round to prepare: the campaign, the school, and the chosen cards (null: every card of the school ready at the caller's center).</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolDeliveryPlan(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string SchoolCode,
    [property: Id(2)] IReadOnlyList<Guid>? RequestIds);
