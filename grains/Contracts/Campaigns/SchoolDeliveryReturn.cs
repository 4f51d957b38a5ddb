namespace Actors.Contracts.Campaigns;

/// <summary>A card brought back from the school to the center, and why (absent pupil, no guardian present...).</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolDeliveryReturn(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string Reason);
