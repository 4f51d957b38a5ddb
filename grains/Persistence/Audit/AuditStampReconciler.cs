using Actors.Contracts.Audit;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Audit;

/// <summary>
/// Settles the stamps <see cref="AuditStampConsumer"/> kept: once a stamp is older than
/// <see cref="AuditStampOptions.CompleteAfter"/>, its entry is appended from the stamp unless the trail holds it by now
/// (the API's own, which the trail keeps first since both carry the entry id), and the stamp is let go. Appending and
/// letting go are two steps: a silo that dies in between appends nothing twice at the next pass. Every silo runs it;
/// the trail's lock orders their appends.
/// </summary>
public sealed class AuditStampReconciler(
    NpgsqlDataSource dataSource, PostgresAuditTrail trail, IOptions<AuditStampOptions> options, ILogger<AuditStampReconciler> logger)
    : BackgroundService
{
    private const string DueSql = """
        SELECT entry_id, stamp::text FROM audit_stamps_pending
        WHERE stamped_at < now() - $1
        ORDER BY stamped_at
        LIMIT $2
        """;

    private const string LetGoSql = "DELETE FROM audit_stamps_pending WHERE entry_id = ANY($1)";

    /// <summary>Settles every stamp due; returns how many entries had to be made from their stamp.</summary>
    public async Task<int> SettleAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var completed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = new List<(Guid EntryId, AuditStamped Stamp)>();
            await using (var command = dataSource.CreateCommand(DueSql))
            {
                command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = settings.CompleteAfter });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = settings.Batch });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    due.Add((reader.GetGuid(0), OutboxJson.Deserialize<AuditStamped>(reader.GetString(1))));
                }
            }

            if (due.Count == 0)
            {
                break;
            }

            var appended = await trail.AppendAsync([.. due.Select(d => d.Stamp.ToRecord() with { EntryId = d.EntryId })], cancellationToken);
            if (appended.Count > 0)
            {
                completed += appended.Count;
                logger.LogWarning(
                    "The audit trail had no entry for {Count} committed mutations ({Operations}) after {CompleteAfter}: appended from their stamps, outcome {Outcome}.",
                    appended.Count, string.Join(", ", appended.Select(e => e.Record.Operation).Distinct()), settings.CompleteAfter, AuditRecord.Committed);
            }

            await using (var letGo = dataSource.CreateCommand(LetGoSql))
            {
                letGo.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. due.Select(d => d.EntryId)] });
                await letGo.ExecuteNonQueryAsync(cancellationToken);
            }

            if (due.Count < settings.Batch)
            {
                break;
            }
        }

        return completed;
    }

    // A pass that fails loses nothing: the stamps stay until the next one.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(SettleAsync, () => options.Value.Interval, logger,
            "Audit stamps could not be settled this time; the next pass tries again.", stoppingToken);
}
