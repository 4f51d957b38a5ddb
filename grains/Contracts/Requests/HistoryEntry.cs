namespace Actors.Contracts.Requests;

/// <summary>One recorded step: the status it led to, when, who did it, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] RequestStatus Status,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Reason,
    [property: Id(5)] RequestAction? Action);
