using Actors.Contracts.Audit;

namespace Actors.SiloHosting.Embedded;

/// <summary>
/// The audit trail of the embedded mode (see <see cref="InMemoryIndex{TEntry, TFilter, TOrder}"/>): append-only, the
/// chain's tail kept under one lock so that appends are serialised as the PostgreSQL advisory lock serialises them, and
/// a record whose entry id is held already is not appended again.
/// </summary>
public sealed class InMemoryAuditTrail(TimeProvider clock)
    : InMemoryIndex<AuditEntry, AuditFilter, AuditOrder>(clock), IAuditTrail
{
    private readonly List<AuditEntry> _chain = [];
    private readonly HashSet<Guid> _ids = [];
    private readonly Lock _tail = new();

    protected override bool AppendOnly => true;

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var entries = new List<AuditEntry>(records.Count);
        lock (_tail)
        {
            var (sequence, previousHash) = _chain.Count > 0 ? (_chain[^1].Sequence, _chain[^1].Hash) : (0L, AuditChain.Genesis);
            foreach (var record in records)
            {
                // A record whose entry id is held already was stored by an earlier attempt of its sender.
                var id = AuditChain.EntryIdOf(record);
                if (!_ids.Add(id))
                {
                    continue;
                }

                var entry = AuditChain.Seal(Copied(record), ++sequence, previousHash, id);
                entries.Add(entry);
                previousHash = entry.Hash;
            }

            _chain.AddRange(entries);
        }

        await ApplyAsync(entries, cancellationToken);
        return entries;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long afterSequence, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_tail)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_chain.Where(e => e.Sequence > afterSequence).Take(count).ToList());
        }
    }

    protected override bool Matches(AuditFilter filter, AuditEntry entry)
    {
        var record = entry.Record;
        return (filter.ObjectId is null || record.ObjectIds.Contains(filter.ObjectId))
            && (filter.Governorate is null || record.Governorates.Contains(filter.Governorate))
            && (filter.Subject is null || filter.Subject == record.Subject)
            && (filter.Operation is null || filter.Operation == record.Operation)
            && (filter.From is null || record.At >= filter.From)
            && (filter.To is null || record.At < filter.To);
    }

    /// <summary>Entries are sealed from copies already (<see cref="Copied"/>).</summary>
    protected override AuditEntry Stored(AuditEntry entry) => entry;

    /// <summary>A copy the caller cannot change afterwards, its instant in UTC as PostgreSQL gives it back.</summary>
    private static AuditRecord Copied(AuditRecord record) =>
        record with { At = record.At.ToUniversalTime(), ObjectIds = [.. record.ObjectIds], Governorates = [.. record.Governorates] };
}
