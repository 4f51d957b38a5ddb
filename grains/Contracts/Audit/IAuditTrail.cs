using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Audit;

/// <summary>
/// The audit trail's storage: in memory in embedded mode, the table <c>audit_entries</c> in cluster mode, both passing
/// the same contract tests. Append-only: nothing changes or removes an entry. <see cref="AppendAsync"/> is the only way
/// entries are made; it serialises appends, so the chain has one tail. As a keyset index it lists entries for
/// <c>auditTrail</c>; its <c>ApplyAsync</c> copies already sealed entries as they are (a restore), keeping an entry
/// already held, and <see cref="AuditChainVerifier"/> judges what was copied.
/// </summary>
public interface IAuditTrail : IKeysetIndex<AuditEntry, AuditFilter, AuditOrder>
{
    /// <summary>Seals the records as the next entries of the chain, in order, and stores them together.</summary>
    Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="count"/> entries after <paramref name="afterSequence"/>, in the chain's order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long afterSequence, int count, CancellationToken cancellationToken = default);
}
