namespace Actors.Contracts.ReadModels;

/// <summary>A position in a keyset list: the sort key of the row it points at, then its id (the tie-breaker).</summary>
[GenerateSerializer, Immutable]
public sealed record KeysetCursor(
    [property: Id(0)] string SortKey,
    [property: Id(1)] Guid Id);
