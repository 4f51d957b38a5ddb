using Actors.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Outbox;

/// <summary>
/// Samples every outbox consumer's lag from PostgreSQL at <see cref="OutboxRelayOptions.LagSampleInterval"/> and hands
/// it to the "Actors" meter's gauges (<c>actors.outbox.pending</c>, <c>actors.outbox.oldest_pending_age</c>,
/// <c>actors.read_model.lag</c>). Sampling apart from scrapes keeps a scrape from ever waiting on the database, and
/// costs one short query per interval per silo. Times are the database's (<c>recorded_at</c>), not the events' own,
/// so a rehearsal clock moved forward does not make lag negative.
/// </summary>
public sealed class OutboxLagSampler(NpgsqlDataSource dataSource, IOptions<OutboxRelayOptions> options, ILogger<OutboxLagSampler> logger) : BackgroundService
{
    /// <summary>Counting stops here: beyond it the number says "far behind" well enough, and the count stays cheap.</summary>
    public const int PendingCap = 100_000;

    private const string LagSql = """
        SELECT c.consumer,
               pending.n,
               coalesce(extract(epoch FROM now() - oldest.recorded_at)::float8, 0),
               CASE WHEN oldest.recorded_at IS NULL THEN 0
                    ELSE greatest(0, extract(epoch FROM head.recorded_at - coalesce(position.recorded_at, oldest.recorded_at))::float8)
               END
        FROM outbox_checkpoint AS c
        CROSS JOIN LATERAL (
          SELECT count(*) AS n FROM (
            SELECT 1 FROM outbox AS o WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq) LIMIT $1) AS capped) AS pending
        LEFT JOIN LATERAL (
          SELECT o.recorded_at FROM outbox AS o
          WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq)
          ORDER BY o.tx_id, o.seq
          LIMIT 1) AS oldest ON true
        LEFT JOIN outbox AS position ON position.seq = c.last_seq
        LEFT JOIN LATERAL (
          SELECT o.recorded_at FROM outbox AS o ORDER BY o.tx_id DESC, o.seq DESC LIMIT 1) AS head ON true
        ORDER BY c.consumer
        """;

    /// <summary>Reads every consumer's lag once and publishes it to the gauges.</summary>
    public async Task<IReadOnlyList<OutboxLagReading>> SampleAsync(CancellationToken cancellationToken)
    {
        var readings = new List<OutboxLagReading>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The planner cannot tell how many rows lie beyond a checkpoint (a row comparison with a lateral reference: a
        // third of the table, it guesses), so a capped count looked cheaper as a scan of the whole outbox than as a
        // walk of the commit-order index (0.3 s a sample at 100,000 rows, growing with the 30 days kept), and the
        // guessed cost passed jit_above_cost: each sample compiled its plan (0.5 s of JIT in a benchmark's silo). This
        // transaction alone is told to walk the index, which reads only the rows counted, and not to compile.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SET LOCAL enable_seqscan = off"),
                new NpgsqlBatchCommand("SET LOCAL jit = off"),
                new NpgsqlBatchCommand(LagSql),
            },
        };
        batch.BatchCommands[2].Parameters.Add(new NpgsqlParameter<int> { TypedValue = PendingCap });
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                readings.Add(new OutboxLagReading(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        ActorsMetrics.OutboxLag(readings);
        return readings;
    }

    // The gauges keep the last sample when a pass fails.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(SampleAsync, () => options.Value.LagSampleInterval, logger,
            "The outbox lag could not be sampled; the gauges keep the previous sample.", stoppingToken);
}
