namespace Actors.Contracts.Requests;

/// <summary>
/// One recorded step: the status it led to, when, who did it, and why; for a step taken by an agent, the agent's
/// center at that moment (<see cref="ActorCenterId"/>: a request moved to another center later still shows where the
/// step happened). Null in entries recorded before the center was, which are shown with the request's center.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HistoryEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] RequestStatus Status,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Reason,
    [property: Id(5)] RequestAction? Action,
    [property: Id(6)] string? ActorCenterId = null);
