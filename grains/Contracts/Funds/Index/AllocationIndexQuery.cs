namespace Actors.Contracts.Funds.Index;

/// <summary>A Relay page request: First (with After) or Last (with Before); the GraphQL layer checks sizes first.</summary>
[GenerateSerializer, Immutable]
public sealed record AllocationIndexQuery(
    [property: Id(0)] AllocationFilter Filter,
    [property: Id(1)] AllocationOrder Order,
    [property: Id(2)] int? First = null,
    [property: Id(3)] AllocationCursor? After = null,
    [property: Id(4)] int? Last = null,
    [property: Id(5)] AllocationCursor? Before = null);
