namespace Actors.Contracts.Audit;

/// <summary>
/// The one writer of the audit trail (key 0): records sent at the same time are appended in one batch, one
/// transaction, so auditing costs the write path a share of one round trip rather than one of its own.
/// </summary>
public interface IAuditTrailGrain : IGrainWithIntegerKey
{
    /// <summary>Completes once the records are stored in the chain.</summary>
    Task Append(IReadOnlyList<AuditRecord> records);
}
