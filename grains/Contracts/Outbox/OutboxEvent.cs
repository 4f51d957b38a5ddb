using System.Text;

namespace Actors.Contracts.Outbox;

/// <summary>
/// One event of one transition, committed in the same write as the grain's new state
/// (the state's <c>Outbox</c> list). Consumers apply it at most once per (AggregateId, Version).
/// Payload is the JSON of the record named by Type (for the read models: a full snapshot, so
/// applying the highest version wins and duplicates or replays change nothing).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutboxEvent
{
    // The payload as text, or as its UTF-8 bytes until someone asks for the text: an event made by a grain and one read
    // by the relay go from JSON bytes to PostgreSQL and from PostgreSQL to a parser without a UTF-16 copy in between (a
    // tenth of what a silo allocated per transition, docs/benchmarks.md, session 38). One of the two is always set.
    // Orleans carries it as PayloadOnTheWire.
    [NonSerialized]
    private string? payloadText;

    [NonSerialized]
    private byte[]? payloadUtf8;

    /// <summary>
    /// The payload read once: the relay hands the same event to every consumer of its lane's round, and four of them
    /// (the request index, campaign counting, the clocks, retention) read the same request out of each request event —
    /// a tenth of what a silo allocated per transition when each parsed it again (docs/benchmarks.md, session 34).
    /// Consumers read it and never change it. Not part of the event: not serialized, not compared.
    /// </summary>
    [NonSerialized]
    private object? payloadRead;

    public OutboxEvent(string aggregateType, string aggregateId, long version, string type, string payload, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        (AggregateType, AggregateId, Version, Type, payloadText, OccurredAt) = (aggregateType, aggregateId, version, type, payload, occurredAt);
    }

    private OutboxEvent(string aggregateType, string aggregateId, long version, string type, byte[] payload, DateTimeOffset occurredAt) =>
        (AggregateType, AggregateId, Version, Type, payloadUtf8, OccurredAt) = (aggregateType, aggregateId, version, type, payload, occurredAt);

    /// <summary>A copy (<c>with</c>) carries the fields only: its payload may differ, and is read again.</summary>
    private OutboxEvent(OutboxEvent original)
    {
        AggregateType = original.AggregateType;
        AggregateId = original.AggregateId;
        Version = original.Version;
        Type = original.Type;
        (payloadText, payloadUtf8) = (original.payloadText, original.payloadUtf8);
        OccurredAt = original.OccurredAt;
    }

    [Id(0)]
    public string AggregateType { get; init; }

    [Id(1)]
    public string AggregateId { get; init; }

    [Id(2)]
    public long Version { get; init; }

    [Id(3)]
    public string Type { get; init; }

    /// <summary>The payload's JSON text.</summary>
    public string Payload
    {
        get => payloadText ??= Encoding.UTF8.GetString(payloadUtf8!);
        init => (payloadText, payloadUtf8, payloadRead) = (value ?? throw new ArgumentNullException(nameof(value)), null, null);
    }

    [Id(5)]
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The payload as Orleans carries it (field 4, a string, as every release has sent it).</summary>
    [Id(4)]
    internal string PayloadOnTheWire
    {
        get => Payload;
        set => (payloadText, payloadUtf8) = (value, null);
    }

    /// <summary>An event whose payload is <paramref name="payloadUtf8"/> (taken, not copied): its text is made only if asked for.</summary>
    public static OutboxEvent FromUtf8(
        string aggregateType, string aggregateId, long version, string type, byte[] payloadUtf8, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(payloadUtf8);
        return new OutboxEvent(aggregateType, aggregateId, version, type, payloadUtf8, occurredAt);
    }

    /// <summary>The envelope of a domain event: its record's name is the outbox type, its JSON the payload.</summary>
    public static OutboxEvent Of(string aggregateType, string aggregateId, IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new OutboxEvent(aggregateType, aggregateId, domainEvent.Version, domainEvent.GetType().Name,
            OutboxJson.SerializeToUtf8(domainEvent, domainEvent.GetType()), domainEvent.At);
    }

    /// <summary>
    /// The payload's JSON as UTF-8 (its own bytes when it was made from them: not to be changed). A method, so that no
    /// serializer of the event (a state's JSON, Orleans) takes it for a field.
    /// </summary>
    public byte[] PayloadUtf8() => payloadUtf8 ?? Encoding.UTF8.GetBytes(payloadText!);

    /// <summary>The payload as <typeparamref name="T"/>, parsed at the first call for it on this event.</summary>
    public T PayloadAs<T>()
    {
        if (Volatile.Read(ref payloadRead) is T known)
        {
            return known;
        }

        var read = payloadUtf8 is { } utf8 ? OutboxJson.Deserialize<T>(utf8) : OutboxJson.Deserialize<T>(Payload);
        Volatile.Write(ref payloadRead, read);
        return read;
    }

    public bool Equals(OutboxEvent? other) =>
        other is not null && AggregateType == other.AggregateType && AggregateId == other.AggregateId && Version == other.Version
        && Type == other.Type && Payload == other.Payload && OccurredAt.Equals(other.OccurredAt);

    public override int GetHashCode() => HashCode.Combine(AggregateType, AggregateId, Version, Type, Payload, OccurredAt);
}
