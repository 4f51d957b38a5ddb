namespace Actors.Contracts.Centers;

/// <summary>One recorded change of a center: what changed, when, by whom, why.</summary>
[GenerateSerializer, Immutable]
public sealed record CenterHistoryEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] string Change,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string? Reason);
