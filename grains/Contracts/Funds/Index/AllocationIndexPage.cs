namespace Actors.Contracts.Funds.Index;

/// <summary>One page in the requested order, the size of the whole filtered set, and how fresh the projection is.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationIndexPage(
    [property: Id(0)] IReadOnlyList<AllocationIndexEntry> Items,
    [property: Id(1)] bool HasNextPage,
    [property: Id(2)] bool HasPreviousPage,
    [property: Id(3)] int TotalCount,
    [property: Id(4)] DateTimeOffset AsOf);
