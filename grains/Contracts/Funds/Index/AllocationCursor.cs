namespace Actors.Contracts.Funds.Index;

/// <summary>A position in an ordered allocation list: the sort key and the id of the row it points at.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationCursor(
    [property: Id(0)] string SortKey,
    [property: Id(1)] Guid Id);
