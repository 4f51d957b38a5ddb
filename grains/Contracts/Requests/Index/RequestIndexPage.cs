namespace Actors.Contracts.Requests.Index;

/// <summary>One page, in the requested order, with the totals of the whole filtered set and the projection's freshness.</summary>
[GenerateSerializer, Immutable]
public sealed record RequestIndexPage(
    [property: Id(0)] IReadOnlyList<RequestIndexEntry> Items,
    [property: Id(1)] bool HasNextPage,
    [property: Id(2)] bool HasPreviousPage,
    [property: Id(3)] int TotalCount,
    [property: Id(4)] DateTimeOffset AsOf);
