using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Contracts.Outbox;
using Actors.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Outbox;

/// <summary>
/// Delivers the outbox to every <see cref="IOutboxConsumer"/>, one loop per consumer. Runs on every silo; the
/// checkpoint row is locked FOR UPDATE SKIP LOCKED, so for each consumer only one silo applies a batch at a time
/// and the others simply find nothing to do. If that silo dies, its transaction ends and another one takes over.
/// </summary>
public sealed class OutboxRelay(
    NpgsqlDataSource dataSource,
    IEnumerable<IOutboxConsumer> consumers,
    IEnumerable<IOutboxObserver> observers,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    // Whether a row beyond checkpoint c is ready: the first row after it in commit order (an index probe on
    // (tx_id, seq), not a scan) comes from a transaction older than every running one. The idle probe and the
    // batch's lock ask the same question.
    private const string ReadyBeyondCheckpoint = """
        (SELECT o.tx_id FROM outbox AS o
         WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq)
         ORDER BY o.tx_id, o.seq
         LIMIT 1) < pg_snapshot_xmin(pg_current_snapshot())
        """;

    // Rows are read in (tx_id, seq) order and only from transactions older than every running one: a seq
    // drawn by a transaction that commits later can then never fall behind the checkpoint (see 0004_outbox.sql).
    // The checkpoint row is locked only when a row beyond it is ready, so a read that finds nothing takes no
    // transaction id: a round may then skip the idle probe below and read at once. A row of a type the consumer does
    // not handle comes without its payload: printing a jsonb document as text was most of the read's time, and a
    // request's event reached a dozen consumers, half of which only move past it.
    private const string ReadBatchSql = $$"""
        SELECT o.seq, o.aggregate_type, o.aggregate_id, o.version, o.type,
               CASE WHEN o.type = ANY($3) THEN o.payload::text END, o.occurred_at
        FROM (
          SELECT c.last_tx, c.last_seq FROM outbox_checkpoint AS c
          WHERE c.consumer = $1 AND {{ReadyBeyondCheckpoint}}
          FOR UPDATE SKIP LOCKED
        ) AS c
        CROSS JOIN LATERAL (
          SELECT * FROM outbox
          WHERE (outbox.tx_id, outbox.seq) > (c.last_tx, c.last_seq)
            AND outbox.tx_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY outbox.tx_id, outbox.seq
          LIMIT $2
        ) AS o
        ORDER BY o.tx_id, o.seq
        """;

    // Idle polls only read: no row lock, no transaction id, no WAL, however often silos ask.
    private const string PendingSql = $$"""
        SELECT EXISTS (SELECT 1 FROM outbox_checkpoint AS c WHERE c.consumer = $1 AND {{ReadyBeyondCheckpoint}})
        """;

    private const string AdvanceSql = """
        UPDATE outbox_checkpoint AS c
        SET last_tx = o.tx_id, last_seq = o.seq, updated_at = now()
        FROM outbox AS o
        WHERE c.consumer = $1 AND o.seq = $2
        """;

    private const string EnsureCheckpointSql =
        "INSERT INTO outbox_checkpoint (consumer) VALUES ($1) ON CONFLICT (consumer) DO NOTHING";

    private readonly IReadOnlyList<IOutboxConsumer> _consumers = consumers.ToList();
    private readonly IReadOnlyList<IOutboxObserver> _observers = observers.ToList();
    private readonly OutboxRelayOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, bool> _checkpointed = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies at most one batch for <paramref name="consumer"/> and returns how many outbox rows it moved past:
    /// 0 when there is nothing new or another relay holds the consumer right now.
    /// </summary>
    public Task<int> ProcessBatchAsync(IOutboxConsumer consumer, CancellationToken cancellationToken) =>
        ProcessBatchAsync(consumer, probe: true, cancellationToken);

    /// <summary>
    /// As <see cref="ProcessBatchAsync(IOutboxConsumer, CancellationToken)"/>; without the <paramref name="probe"/> (after
    /// a round that moved rows, when the next is likely to find some) the batch is read at once: one round trip less
    /// per batch under load, one more (the empty transaction's end) when nothing came meanwhile.
    /// </summary>
    public async Task<int> ProcessBatchAsync(IOutboxConsumer consumer, bool probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!_checkpointed.ContainsKey(consumer.Name))
        {
            await using var ensure = new NpgsqlCommand(EnsureCheckpointSql, connection);
            ensure.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer.Name });
            await ensure.ExecuteNonQueryAsync(cancellationToken);
            _checkpointed[consumer.Name] = true;
        }

        if (probe)
        {
            await using var pending = new NpgsqlCommand(PendingSql, connection);
            pending.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer.Name });
            if (await pending.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        // A span per batch (idle polls have none): which consumer applied how many events, and how long it took.
        using var activity = ActorsTelemetry.Source.StartActivity($"outbox {consumer.Name}", ActivityKind.Consumer);
        activity?.SetTag("actors.outbox.consumer", consumer.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (handled, rows, lastSeq) = await ReadBatchAsync(connection, transaction, consumer, cancellationToken);
        activity?.SetTag("actors.outbox.events", rows);
        if (rows == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        if (handled.Count > 0)
        {
            await consumer.ApplyAsync(handled, connection, transaction, cancellationToken);
        }

        await using (var advance = new NpgsqlCommand(AdvanceSql, connection, transaction))
        {
            advance.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer.Name });
            advance.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastSeq });
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        if (handled.Count > 0)
        {
            await NotifyAsync(consumer.Name, handled, cancellationToken);
        }

        return rows;
    }

    /// <summary>The consumer's events of the batch (the types it handles), how many rows the batch moves past, and the last one's seq.</summary>
    private async Task<(List<OutboxEvent> Handled, int Rows, long LastSeq)> ReadBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        var events = new List<OutboxEvent>();
        var rows = 0;
        var lastSeq = 0L;
        await using var read = new NpgsqlCommand(ReadBatchSql, connection, transaction);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer.Name });
        read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        read.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. consumer.HandledTypes] });
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            lastSeq = reader.GetInt64(0);
            if (reader.IsDBNull(5))
            {
                continue;
            }

            events.Add(new OutboxEvent(
                AggregateType: reader.GetString(1),
                AggregateId: reader.GetString(2),
                Version: reader.GetInt64(3),
                Type: reader.GetString(4),
                Payload: reader.GetString(5),
                OccurredAt: reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return (events, rows, lastSeq);
    }

    private async Task NotifyAsync(string consumer, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnAppliedAsync(consumer, events, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox observer {Observer} failed for consumer {Consumer}; the batch stays applied.",
                    observer.GetType().Name, consumer);
            }
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_consumers.Select(consumer => RunAsync(consumer, stoppingToken)));

    private async Task RunAsync(IOutboxConsumer consumer, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path at once; each consumer then runs on its own.
        await Task.Yield();
        var failures = 0;
        var moved = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                moved = await ProcessBatchAsync(consumer, probe: moved == 0, stoppingToken);
                failures = 0;
                pause = moved >= _options.BatchSize ? TimeSpan.Zero : _options.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                moved = 0;
                failures++;
                pause = TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(failures, 16))));
                logger.LogError(ex, "Outbox consumer {Consumer} failed ({Failures} in a row); retrying in {Pause}.", consumer.Name, failures, pause);
            }

            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
