namespace Actors.Contracts.ReadModels;

/// <summary>One page in the list's order, the size of the whole filtered list, and how fresh the read model is.</summary>
[GenerateSerializer, Immutable]
public sealed record KeysetPage<TEntry>(
    [property: Id(0)] IReadOnlyList<TEntry> Items,
    [property: Id(1)] bool HasNextPage,
    [property: Id(2)] bool HasPreviousPage,
    [property: Id(3)] int TotalCount,
    [property: Id(4)] DateTimeOffset AsOf);
