using Actors.Contracts.Outbox;

namespace Actors.Tests.Postgres;

/// <summary>Shaped like the domain states: a version, some data, and the events of the latest transition only.</summary>
[GenerateSerializer]
public sealed class OutboxProbeState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public List<string> Notes { get; set; } = [];
    [Id(2)] public List<OutboxEvent> Outbox { get; set; } = [];
}
