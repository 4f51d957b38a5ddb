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
    /// <summary>
    /// The payload read once: the relay hands the same event to every consumer of its lane's round, and four of them
    /// (the request index, campaign counting, the clocks, retention) read the same request out of each request event —
    /// a tenth of what a silo allocated per transition when each parsed it again (docs/benchmarks.md, session 34).
    /// Consumers read it and never change it. Not part of the event: not serialized, not compared.
    /// </summary>
    [NonSerialized]
    private object? payloadRead;

    /// <summary>The payload as <typeparamref name="T"/>, parsed at the first call for it on this event.</summary>
    public T PayloadAs<T>()
    {
        if (Volatile.Read(ref payloadRead) is T known)
        {
            return known;
        }

        var read = OutboxJson.Deserialize<T>(Payload);
        Volatile.Write(ref payloadRead, read);
        return read;
    }

    /// <summary>A copy (<c>with</c>) carries the fields only: its payload may differ, and is read again.</summary>
    private OutboxEvent(OutboxEvent original)
    {
        AggregateType = original.AggregateType;
        AggregateId = original.AggregateId;
        Version = original.Version;
        Type = original.Type;
        Payload = original.Payload;
        OccurredAt = original.OccurredAt;
    }

    public bool Equals(OutboxEvent? other) =>
        other is not null && AggregateType == other.AggregateType && AggregateId == other.AggregateId && Version == other.Version
        && Type == other.Type && Payload == other.Payload && OccurredAt.Equals(other.OccurredAt);

    public override int GetHashCode() => HashCode.Combine(AggregateType, AggregateId, Version, Type, Payload, OccurredAt);

    /// <summary>The envelope of a domain event: its record's name is the outbox type, its JSON the payload.</summary>
    public static OutboxEvent Of(string aggregateType, string aggregateId, IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new OutboxEvent(aggregateType, aggregateId, domainEvent.Version, domainEvent.GetType().Name,
            OutboxJson.Serialize(domainEvent, domainEvent.GetType()), domainEvent.At);
    }
}
