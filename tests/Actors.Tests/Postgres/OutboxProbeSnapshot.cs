namespace Actors.Tests.Postgres;

[GenerateSerializer, Immutable]
public sealed record OutboxProbeSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<string> Notes);
