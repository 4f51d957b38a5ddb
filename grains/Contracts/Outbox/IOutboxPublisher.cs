namespace Actors.Contracts.Outbox;

/// <summary>
/// Hands a transition's events, already committed with the grain state, to their consumers.
/// Embedded mode delivers at once in memory; with PostgreSQL the storage write itself copies
/// the events into the outbox table and a relay delivers them, so this only feeds live streams.
/// </summary>
public interface IOutboxPublisher
{
    /// <summary>
    /// The committed <paramref name="events"/> as written, with the <paramref name="domainEvents"/> they were written
    /// from (the same transition, in the same order): live streams carry the records themselves, not a parse of their JSON.
    /// </summary>
    Task PublishAsync(IReadOnlyList<OutboxEvent> events, IReadOnlyList<IDomainEvent> domainEvents);
}
