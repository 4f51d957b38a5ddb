using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Audit;

/// <summary>
/// Watches the audit stamps committed beside grain states (<see cref="Contracts.Audit.AuditStamp"/>): a stamp whose entry
/// the trail does not hold yet (its API is still sending it, or stopped before) is kept in <c>audit_stamps_pending</c>,
/// in the relay's transaction, for <see cref="AuditStampReconciler"/>. By the time the relay sees a stamp the API has
/// almost always stored its entry, so a batch usually costs one probe and no row.
/// </summary>
public sealed class AuditStampConsumer : IOutboxConsumer
{
    /// <summary>The consumer's checkpoint key.</summary>
    public const string ConsumerName = "audit-stamps";

    // The stamps of the batch without an entry, in one statement; a batch applied again inserts nothing new. Kept from
    // the time the relay saw them (the database's clock), not the stamp's own (the API's, which a rehearsal may move).
    private const string KeepPendingSql = """
        INSERT INTO audit_stamps_pending (entry_id, stamp, stamped_at)
        SELECT s.entry_id, s.stamp::jsonb, now()
        FROM unnest($1::uuid[], $2::text[]) AS s (entry_id, stamp)
        WHERE NOT EXISTS (SELECT FROM audit_entries AS e WHERE e.id = s.entry_id)
        ON CONFLICT (entry_id) DO NOTHING
        """;

    private static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal) { OutboxEventTypes.AuditStamped };

    /// <inheritdoc />
    public string Name => ConsumerName;

    /// <inheritdoc />
    public string Lane => OutboxLanes.Database;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes => Handled;

    /// <inheritdoc />
    public async Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stamps = batch.Where(e => e.Type == OutboxEventTypes.AuditStamped && e.AggregateType == AggregateTypes.AuditStamp).ToList();
        if (stamps.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(KeepPendingSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. stamps.Select(s => Guid.Parse(s.AggregateId))] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. stamps.Select(s => s.Payload)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
