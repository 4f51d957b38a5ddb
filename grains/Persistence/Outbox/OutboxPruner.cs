using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Outbox;

/// <summary>
/// Deletes outbox events that every consumer has applied and that are older than <see cref="OutboxPruningOptions.RetainFor"/>:
/// the outbox is how events travel to the read models, not where they are kept (the grains' states, the read models and
/// the audit trail are), and each event carries a copy of the request it is about, personal data included — kept for
/// ever it would be the largest table and a second copy of every applicant. Every silo runs it; an advisory lock lets
/// one delete at a time.
/// <para>
/// Only events strictly before the lowest checkpoint of <c>outbox_checkpoint</c> in the relay's order go, so no
/// consumer loses an event it has not applied, and the event at each checkpoint stays for the lag sampler. A retired
/// consumer's checkpoint row holds pruning back until it is deleted (docs/operations.md, "Outbox retention").
/// </para>
/// </summary>
public sealed class OutboxPruner(NpgsqlDataSource dataSource, IOptions<OutboxPruningOptions> options, ILogger<OutboxPruner> logger) : BackgroundService
{
    /// <summary>The advisory lock of pruning ("OUTBOXP" in ASCII), the same in every process.</summary>
    public const long PruneLock = 0x4F5554424F5850;

    // Walks the primary key from the oldest event: seq order follows time (a seq is drawn inside its transaction), so the
    // events old enough come first and the walk stops at the first one that is not, instead of reading the whole window.
    private const string CandidatesSql = """
        SELECT o.seq,
               (o.tx_id, o.seq) < (c.last_tx, c.last_seq) AND o.recorded_at < now() - $1 AS prunable
        FROM outbox AS o
        CROSS JOIN (SELECT last_tx, last_seq FROM outbox_checkpoint ORDER BY last_tx, last_seq LIMIT 1) AS c
        ORDER BY o.seq
        LIMIT $2
        """;

    private const string DeleteSql = "DELETE FROM outbox WHERE seq = ANY($1)";

    /// <summary>Deletes what may go, batch after batch, and returns how many events went (0 when another silo is at it).</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.RetainFor <= TimeSpan.Zero)
        {
            return 0;
        }

        var deleted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var locking = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", connection, transaction))
            {
                locking.Parameters.Add(new NpgsqlParameter<long> { TypedValue = PruneLock });
                if (await locking.ExecuteScalarAsync(cancellationToken) is not true)
                {
                    return deleted;
                }
            }

            var doomed = new List<long>(settings.PruneBatch);
            var more = false;
            await using (var candidates = new NpgsqlCommand(CandidatesSql, connection, transaction))
            {
                candidates.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = settings.RetainFor });
                candidates.Parameters.Add(new NpgsqlParameter<int> { TypedValue = settings.PruneBatch });
                await using var reader = await candidates.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.IsDBNull(1) || !reader.GetBoolean(1))
                    {
                        break;
                    }

                    doomed.Add(reader.GetInt64(0));
                }

                more = doomed.Count == settings.PruneBatch;
            }

            if (doomed.Count > 0)
            {
                await using var delete = new NpgsqlCommand(DeleteSql, connection, transaction);
                delete.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. doomed] });
                deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (!more)
            {
                break;
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} outbox events applied by every consumer and older than {RetainFor}.", deleted, options.Value.RetainFor);
        }

        return deleted;
    }

    // Nothing is lost by waiting when a pass fails: the events stay until the next one.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(PruneAsync, () => options.Value.PruneInterval, logger,
            "Delivered outbox events could not be deleted this time; the next pass tries again.", stoppingToken);
}
