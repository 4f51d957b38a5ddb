namespace Actors.Contracts.Campaigns;

/// <summary>
/// The document an enrolment import leaves, readable while it runs (RowsRead grows) and afterwards. Rejected lists at
/// most <see cref="IEnrolmentImportGrain.RejectionsKept"/> rows; RejectedCount counts them all.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EnrolmentImportView(
    [property: Id(0)] Guid ImportId,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] EnrolmentImportStatus Status,
    [property: Id(3)] string StartedBy,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? FinishedAt,
    [property: Id(6)] int RowsRead,
    [property: Id(7)] int Created,
    [property: Id(8)] int Updated,
    [property: Id(9)] int Unchanged,
    [property: Id(10)] int RejectedCount,
    [property: Id(11)] IReadOnlyList<EnrolmentRejection> Rejected,
    [property: Id(12)] string? Failure);
