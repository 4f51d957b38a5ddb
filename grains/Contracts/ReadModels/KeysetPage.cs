namespace Actors.Contracts.ReadModels;

/// <summary>
/// One page in the list's order, the size of the whole filtered list (<see cref="NotCounted"/> when the query asked
/// for none: <see cref="KeysetQuery{TFilter, TOrder}.WithoutTotal"/>), and how fresh the read model is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record KeysetPage<TEntry>(
    [property: Id(0)] IReadOnlyList<TEntry> Items,
    [property: Id(1)] bool HasNextPage,
    [property: Id(2)] bool HasPreviousPage,
    [property: Id(3)] int TotalCount,
    [property: Id(4)] DateTimeOffset AsOf)
{
    /// <summary>The <see cref="TotalCount"/> of a page whose query asked for no total and whose index did not count.</summary>
    public const int NotCounted = -1;
}
