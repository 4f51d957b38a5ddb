using Actors.Contracts.Outbox;

namespace Actors.Contracts.Audit;

/// <summary>
/// A mutation's audit record as the API knows it when the mutation starts (who, the operation, the ids in its input,
/// the entry id it will carry), put in Orleans' <see cref="RequestContext"/> for the grain calls the mutation makes. A
/// grain state write made under it that commits events (the PostgreSQL storage) commits the stamp beside them, as
/// one more outbox row of the same statement (<see cref="AuditStamped"/>). The API then finds the stamp committed
/// (<see cref="IAuditStamps"/>) and answers without waiting for the trail's own commit: the change and the promise of
/// its entry are durable together, and the record the API sends the trail afterwards keeps the stamp's entry id, so
/// it is stored once; what the API could not send is completed from the stamp (<see cref="AuditStamped.ToRecord"/>).
/// </summary>
public static class AuditStamp
{
    /// <summary>The <see cref="RequestContext"/> key of the stamp.</summary>
    public const string ContextKey = "actors.audit-stamp";

    /// <summary>The stamp under which the current grain call runs, if any.</summary>
    public static AuditRecord? Current => RequestContext.Get(ContextKey) as AuditRecord;

    /// <summary>Runs the calls that follow, in this asynchronous flow, under <paramref name="record"/>.</summary>
    public static void Put(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.EntryId == Guid.Empty)
        {
            throw new ArgumentException("A stamp names the entry id its record will carry.", nameof(record));
        }

        RequestContext.Set(ContextKey, record);
    }

    /// <summary>
    /// The outbox row that commits <paramref name="record"/> beside a state write whose first event is
    /// <paramref name="written"/>. Keyed by the entry id, so that the writes of several grains under one stamp (or a
    /// write retried) leave one row.
    /// </summary>
    public static OutboxEvent EventOf(AuditRecord record, OutboxEvent written)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(written);
        var stamped = new AuditStamped(record, written.AggregateType, written.AggregateId);
        return OutboxEvent.FromUtf8(AggregateTypes.AuditStamp, record.EntryId.ToString(), 1, OutboxEventTypes.AuditStamped,
            OutboxJson.SerializeToUtf8(stamped), record.At);
    }
}
