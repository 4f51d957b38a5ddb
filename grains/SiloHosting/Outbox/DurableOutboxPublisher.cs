using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// PostgreSQL mode: the storage write already copied the events into the outbox table in the same
/// commit, and the relay feeds the read models from there; the grain wakes this silo's relay, so the read models
/// follow within milliseconds rather than at the next poll, and triggers live updates.
/// </summary>
public sealed class DurableOutboxPublisher(LiveUpdatePublisher live, OutboxRelay relay) : IOutboxPublisher
{
    public Task PublishAsync(IReadOnlyList<OutboxEvent> events, IReadOnlyList<IDomainEvent> domainEvents)
    {
        relay.Wake();
        return live.PublishAsync(domainEvents);
    }
}
