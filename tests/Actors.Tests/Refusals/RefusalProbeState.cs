using Actors.Contracts.Outbox;

namespace Actors.Tests.Refusals;

[GenerateSerializer]
public sealed class RefusalProbeState : IAggregateState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public List<OutboxEvent> Outbox { get; set; } = [];
}
