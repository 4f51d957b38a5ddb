namespace Actors.Contracts.Interop.Exchanges;

/// <summary>
/// One exchange with an outside system, as the exchange log keeps it: which request, which system,
/// for which purpose, which data items were asked (field names, never values beyond the request's own
/// identifiers), the outcome (a stable code such as MATCH, MISMATCH, UNAVAILABLE) with its detail (the field
/// that differs, why the system was unavailable), how long it took, who or what triggered it, and when.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExchangeRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid RequestId,
    [property: Id(2)] string RequestReference,
    [property: Id(3)] string CenterId,
    [property: Id(4)] string Governorate,
    [property: Id(5)] OutsideSystem System,
    [property: Id(6)] string Purpose,
    [property: Id(7)] IReadOnlyList<string> DataItems,
    [property: Id(8)] string Outcome,
    [property: Id(9)] long LatencyMilliseconds,
    [property: Id(10)] int Attempts,
    [property: Id(11)] string TriggeredBy,
    [property: Id(12)] DateTimeOffset At,
    [property: Id(13)] string? Detail = null);
