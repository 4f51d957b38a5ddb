namespace Actors.Contracts.Requests.Index;

/// <summary>
/// A Relay page request: either First (with After) or Last (with Before). The GraphQL layer
/// validates the combination and the page size before it gets here.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestIndexQuery(
    [property: Id(0)] RequestFilter Filter,
    [property: Id(1)] RequestOrder Order,
    [property: Id(2)] int? First = null,
    [property: Id(3)] IndexCursor? After = null,
    [property: Id(4)] int? Last = null,
    [property: Id(5)] IndexCursor? Before = null);
