namespace Actors.Contracts.Audit;

/// <summary>
/// The payload of an <see cref="Outbox.OutboxEventTypes.AuditStamped"/> row: the stamp's record and the aggregate whose
/// state write committed it (the first one, when a mutation wrote several).
/// </summary>
public sealed record AuditStamped(AuditRecord Record, string AggregateType, string AggregateId)
{
    /// <summary>
    /// The entry stored when the API never sent its own within <c>AuditStamps:CompleteAfter</c> (it stopped between
    /// its answer and its record): the stamp's record, the written aggregate added by its outbox name
    /// (<c>citizen-request:{id}</c>, the API that names it by global id being gone) and the outcome
    /// <see cref="AuditRecord.Committed"/>, since the change committed but its answer is unknown.
    /// </summary>
    public AuditRecord ToRecord()
    {
        var written = $"{AggregateType}:{AggregateId}";
        var objectIds = Record.ObjectIds.Contains(written, StringComparer.Ordinal) ? Record.ObjectIds : [.. Record.ObjectIds, written];
        return Record with { ObjectIds = objectIds, Outcome = AuditRecord.Committed };
    }
}
