namespace Actors.Contracts.Outbox;

/// <summary>
/// One event of one transition, committed in the same write as the grain's new state
/// (the state's <c>Outbox</c> list). Consumers apply it at most once per (AggregateId, Version).
/// Payload is the JSON of the record named by Type (for the read models: a full snapshot, so
/// applying the highest version wins and duplicates or replays change nothing).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutboxEvent(
    [property: Id(0)] string AggregateType,
    [property: Id(1)] string AggregateId,
    [property: Id(2)] long Version,
    [property: Id(3)] string Type,
    [property: Id(4)] string Payload,
    [property: Id(5)] DateTimeOffset OccurredAt)
{
    /// <summary>The envelope of a domain event: its record's name is the outbox type, its JSON the payload.</summary>
    public static OutboxEvent Of(string aggregateType, string aggregateId, IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new OutboxEvent(aggregateType, aggregateId, domainEvent.Version, domainEvent.GetType().Name,
            OutboxJson.Serialize(domainEvent, domainEvent.GetType()), domainEvent.At);
    }
}
