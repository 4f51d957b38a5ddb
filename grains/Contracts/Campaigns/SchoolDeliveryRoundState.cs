namespace Actors.Contracts.Campaigns;

/// <summary>A school delivery round's state. JSON; members only added.</summary>
[GenerateSerializer]
public sealed class SchoolDeliveryRoundState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid CampaignId { get; set; }
    [Id(2)] public string SchoolCode { get; set; } = "";
    [Id(3)] public string SchoolName { get; set; } = "";
    [Id(4)] public string Governorate { get; set; } = "";
    [Id(5)] public string CenterId { get; set; } = "";
    [Id(6)] public SchoolDeliveryRoundStatus Status { get; set; }
    [Id(7)] public List<SchoolDeliveryCard> Cards { get; set; } = [];
    [Id(8)] public string PreparedBy { get; set; } = "";
    [Id(9)] public DateTimeOffset PreparedAt { get; set; }
    [Id(10)] public DateTimeOffset? DispatchedAt { get; set; }
    [Id(11)] public string? DispatchedBy { get; set; }
    [Id(12)] public DateTimeOffset? HandedOverAt { get; set; }
    [Id(13)] public string? HandedOverBy { get; set; }
    [Id(14)] public DateTimeOffset? CancelledAt { get; set; }
    [Id(15)] public string? CancelledBy { get; set; }
    [Id(16)] public string? CancelReason { get; set; }
    [Id(17)] public long Version { get; set; }
    [Id(18)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The preparing call's fingerprint: a retry with the same key and plan gets the round back.</summary>
    [Id(19)] public string PlanFingerprint { get; set; } = "";

    /// <summary>
    /// The handover as recorded, kept before any card is delivered: while the round is still DISPATCHED (a crash
    /// between cards) the same handover again finishes it, each card delivered once; once HANDED_OVER it answers retries.
    /// </summary>
    [Id(20)] public SchoolHandover? Handover { get; set; }
}
