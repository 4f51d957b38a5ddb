namespace Actors.Contracts.Campaigns;

/// <summary>A school delivery round as its grain shows it to those in scope.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolDeliveryRoundView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] string SchoolCode,
    [property: Id(3)] string SchoolName,
    [property: Id(4)] string Governorate,
    [property: Id(5)] string CenterId,
    [property: Id(6)] SchoolDeliveryRoundStatus Status,
    [property: Id(7)] IReadOnlyList<SchoolDeliveryCard> Cards,
    [property: Id(8)] string PreparedBy,
    [property: Id(9)] DateTimeOffset PreparedAt,
    [property: Id(10)] DateTimeOffset? DispatchedAt,
    [property: Id(11)] DateTimeOffset? HandedOverAt,
    [property: Id(12)] string? HandedOverBy,
    [property: Id(13)] DateTimeOffset? CancelledAt,
    [property: Id(14)] string? CancelReason,
    [property: Id(15)] long Version,
    [property: Id(16)] DateTimeOffset UpdatedAt);
