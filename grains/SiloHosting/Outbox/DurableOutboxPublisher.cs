using Actors.Contracts.Outbox;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// PostgreSQL mode: the storage write already copied the events into the outbox table in the same
/// commit, and the relay feeds the read models from there; the grain only triggers live updates.
/// </summary>
public sealed class DurableOutboxPublisher(LiveUpdatePublisher live) : IOutboxPublisher
{
    public Task PublishAsync(IReadOnlyList<OutboxEvent> events, IReadOnlyList<IDomainEvent> domainEvents) => live.PublishAsync(domainEvents);
}
