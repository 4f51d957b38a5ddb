using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Actors.Contracts.Outbox;
using Actors.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Outbox;

/// <summary>
/// Delivers the outbox to every <see cref="IOutboxConsumer"/>. Runs on every silo; a consumer's checkpoint row is locked
/// FOR UPDATE SKIP LOCKED, so for each consumer only one silo applies a batch at a time and the others simply find
/// nothing to do. If that silo dies, its transaction ends and another one takes over. The consumers of a process share
/// their rounds (<see cref="ProcessRoundAsync"/>): one idle probe, one read of the batch and one transaction that
/// moves every checkpoint it locked, instead of one of each per consumer; a consumer that fails is taken out of the
/// rounds and retried alone (<see cref="ProcessBatchAsync"/>) with back-off until it succeeds.
/// </summary>
public sealed class OutboxRelay(
    NpgsqlDataSource dataSource,
    IEnumerable<IOutboxConsumer> consumers,
    IEnumerable<IOutboxObserver> observers,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    // Rows are read in (tx_id, seq) order and only from transactions older than every running one: a seq
    // drawn by a transaction that commits later can then never fall behind the checkpoint (see 0004_outbox.sql).
    private const string ReadBatchSql = """
        SELECT o.seq, o.aggregate_type, o.aggregate_id, o.version, o.type, o.payload::text, o.occurred_at
        FROM (
          SELECT last_tx, last_seq FROM outbox_checkpoint WHERE consumer = $1 FOR UPDATE SKIP LOCKED
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
    // The first row beyond the checkpoint in commit order: an index probe on (tx_id, seq), not a scan.
    private const string PendingSql = """
        SELECT EXISTS (
          SELECT 1 FROM outbox_checkpoint AS c
          CROSS JOIN LATERAL (
            SELECT o.tx_id FROM outbox AS o
            WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq)
            ORDER BY o.tx_id, o.seq
            LIMIT 1) AS next
          WHERE c.consumer = $1
            AND next.tx_id < pg_snapshot_xmin(pg_current_snapshot()))
        """;

    private const string AdvanceSql = """
        UPDATE outbox_checkpoint AS c
        SET last_tx = o.tx_id, last_seq = o.seq, updated_at = now()
        FROM outbox AS o
        WHERE c.consumer = $1 AND o.seq = $2
        """;

    private const string EnsureCheckpointSql =
        "INSERT INTO outbox_checkpoint (consumer) VALUES ($1) ON CONFLICT (consumer) DO NOTHING";

    // A round's idle probe: the consumers with a row beyond their checkpoint, one index probe each, one statement.
    private const string PendingRoundSql = """
        SELECT c.consumer FROM outbox_checkpoint AS c
        CROSS JOIN LATERAL (
          SELECT o.tx_id FROM outbox AS o
          WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq)
          ORDER BY o.tx_id, o.seq
          LIMIT 1) AS next
        WHERE c.consumer = ANY($1)
          AND next.tx_id < pg_snapshot_xmin(pg_current_snapshot())
        """;

    // In key order, so that two silos' rounds lock checkpoints in the same order; the ones another silo holds are skipped.
    private const string LockRoundSql = """
        SELECT consumer, last_tx::text, last_seq FROM outbox_checkpoint
        WHERE consumer = ANY($1)
        ORDER BY consumer
        FOR UPDATE SKIP LOCKED
        """;

    // The same order and horizon as ReadBatchSql, from the lowest checkpoint of the round.
    private const string ReadRoundSql = """
        SELECT o.tx_id::text, o.seq, o.aggregate_type, o.aggregate_id, o.version, o.type, o.payload::text, o.occurred_at
        FROM outbox AS o
        WHERE (o.tx_id, o.seq) > ($1::xid8, $2)
          AND o.tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY o.tx_id, o.seq
        LIMIT $3
        """;

    private const string AdvanceRoundSql = """
        UPDATE outbox_checkpoint AS c
        SET last_tx = v.last_tx::xid8, last_seq = v.last_seq, updated_at = now()
        FROM unnest($1::text[], $2::text[], $3::bigint[]) AS v(consumer, last_tx, last_seq)
        WHERE c.consumer = v.consumer
        """;

    private readonly IReadOnlyList<IOutboxConsumer> _consumers = consumers.ToList();
    private readonly IReadOnlyList<IOutboxObserver> _observers = observers.ToList();
    private readonly OutboxRelayOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, bool> _checkpointed = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies at most one batch for <paramref name="consumer"/> and returns how many outbox rows it moved past:
    /// 0 when there is nothing new or another relay holds the consumer right now.
    /// </summary>
    public async Task<int> ProcessBatchAsync(IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await EnsureCheckpointAsync(connection, consumer.Name, cancellationToken);

        await using (var pending = new NpgsqlCommand(PendingSql, connection))
        {
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
        var (events, lastSeq) = await ReadBatchAsync(connection, transaction, consumer.Name, cancellationToken);
        activity?.SetTag("actors.outbox.events", events.Count);
        if (events.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        var handled = events.Where(e => consumer.HandledTypes.Contains(e.Type)).ToList();
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

        return events.Count;
    }

    /// <summary>
    /// Applies at most one batch for each of <paramref name="consumers"/> in one transaction and returns how many outbox
    /// rows the round read (0 when no consumer has anything new or other relays hold them all). The batch is read once,
    /// from the lowest checkpoint of the consumers it could lock; each consumer gets the rows beyond its own checkpoint,
    /// in order, and every checkpoint moves in the one statement that commits with their effects, so each consumer still
    /// applies each event exactly once. A consumer that throws rolls the whole round back (<see cref="OutboxConsumerException"/>).
    /// </summary>
    public async Task<int> ProcessRoundAsync(IReadOnlyList<IOutboxConsumer> consumers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumers);
        if (consumers.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var consumer in consumers)
        {
            await EnsureCheckpointAsync(connection, consumer.Name, cancellationToken);
        }

        var names = consumers.Select(c => c.Name).ToArray();
        var pending = await ConsumersAsync(connection, null, PendingRoundSql, names, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        using var activity = ActorsTelemetry.Source.StartActivity("outbox round", ActivityKind.Consumer);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var positions = await LockRoundAsync(connection, transaction, pending.Keys.ToArray(), cancellationToken);
        if (positions.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        var rows = await ReadRoundAsync(connection, transaction, positions.Values.Min(), cancellationToken);
        activity?.SetTag("actors.outbox.events", rows.Count);
        var applied = new List<(IOutboxConsumer Consumer, List<OutboxEvent> Handled, (ulong Tx, long Seq) Last)>();
        foreach (var consumer in consumers)
        {
            if (!positions.TryGetValue(consumer.Name, out var position))
            {
                continue;
            }

            var beyond = rows.Where(r => r.Position.CompareTo(position) > 0).ToList();
            if (beyond.Count == 0)
            {
                continue;
            }

            var handled = beyond.Select(r => r.Event).Where(e => consumer.HandledTypes.Contains(e.Type)).ToList();
            if (handled.Count > 0)
            {
                try
                {
                    await consumer.ApplyAsync(handled, connection, transaction, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    throw new OutboxConsumerException(consumer.Name, ex);
                }
            }

            applied.Add((consumer, handled, beyond[^1].Position));
        }

        if (applied.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        await using (var advance = new NpgsqlCommand(AdvanceRoundSql, connection, transaction))
        {
            advance.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = applied.Select(a => a.Consumer.Name).ToArray() });
            advance.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = applied.Select(a => a.Last.Tx.ToString(CultureInfo.InvariantCulture)).ToArray() });
            advance.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = applied.Select(a => a.Last.Seq).ToArray() });
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (consumer, handled, _) in applied.Where(a => a.Handled.Count > 0))
        {
            await NotifyAsync(consumer.Name, handled, cancellationToken);
        }

        return rows.Count;
    }

    private async Task EnsureCheckpointAsync(NpgsqlConnection connection, string consumer, CancellationToken cancellationToken)
    {
        if (_checkpointed.ContainsKey(consumer))
        {
            return;
        }

        await using var ensure = new NpgsqlCommand(EnsureCheckpointSql, connection);
        ensure.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
        await ensure.ExecuteNonQueryAsync(cancellationToken);
        _checkpointed[consumer] = true;
    }

    private static async Task<Dictionary<string, bool>> ConsumersAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string[] names, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = true;
        }

        return found;
    }

    private static async Task<Dictionary<string, (ulong Tx, long Seq)>> LockRoundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] names, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, (ulong Tx, long Seq)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(LockRoundSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions[reader.GetString(0)] = (ulong.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetInt64(2));
        }

        return positions;
    }

    private async Task<List<((ulong Tx, long Seq) Position, OutboxEvent Event)>> ReadRoundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (ulong Tx, long Seq) from, CancellationToken cancellationToken)
    {
        var rows = new List<((ulong Tx, long Seq) Position, OutboxEvent Event)>();
        await using var read = new NpgsqlCommand(ReadRoundSql, connection, transaction);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = from.Tx.ToString(CultureInfo.InvariantCulture) });
        read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from.Seq });
        read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(((ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1)), new OutboxEvent(
                AggregateType: reader.GetString(2),
                AggregateId: reader.GetString(3),
                Version: reader.GetInt64(4),
                Type: reader.GetString(5),
                Payload: reader.GetString(6),
                OccurredAt: reader.GetFieldValue<DateTimeOffset>(7))));
        }

        return rows;
    }

    private async Task<(List<OutboxEvent> Events, long LastSeq)> ReadBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string consumer, CancellationToken cancellationToken)
    {
        var events = new List<OutboxEvent>();
        var lastSeq = 0L;
        await using var read = new NpgsqlCommand(ReadBatchSql, connection, transaction);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
        read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lastSeq = reader.GetInt64(0);
            events.Add(new OutboxEvent(
                AggregateType: reader.GetString(1),
                AggregateId: reader.GetString(2),
                Version: reader.GetInt64(3),
                Type: reader.GetString(4),
                Payload: reader.GetString(5),
                OccurredAt: reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return (events, lastSeq);
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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave the host's start-up path at once.
        await Task.Yield();
        // Consumers that failed: how often in a row, and when to try them again (alone, until they succeed).
        var failing = new Dictionary<string, (int Failures, DateTime NotBefore)>(StringComparer.Ordinal);
        var roundFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var pause = _options.PollInterval;
            try
            {
                foreach (var consumer in _consumers.Where(c => failing.TryGetValue(c.Name, out var f) && f.NotBefore <= DateTime.UtcNow))
                {
                    try
                    {
                        await ProcessBatchAsync(consumer, stoppingToken);
                        failing.Remove(consumer.Name);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        Failed(failing, consumer.Name, ex);
                    }
                }

                var moved = await ProcessRoundAsync(_consumers.Where(c => !failing.ContainsKey(c.Name)).ToList(), stoppingToken);
                roundFailures = 0;
                if (moved >= _options.BatchSize)
                {
                    pause = TimeSpan.Zero;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OutboxConsumerException ex)
            {
                // The others go on at once without it.
                Failed(failing, ex.Consumer, ex.InnerException ?? ex);
                pause = TimeSpan.Zero;
            }
            catch (Exception ex)
            {
                roundFailures++;
                pause = Backoff(roundFailures);
                logger.LogError(ex, "Outbox round failed ({Failures} in a row); retrying in {Pause}.", roundFailures, pause);
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

    private void Failed(Dictionary<string, (int Failures, DateTime NotBefore)> failing, string consumer, Exception ex)
    {
        var failures = failing.TryGetValue(consumer, out var f) ? f.Failures + 1 : 1;
        var pause = Backoff(failures);
        failing[consumer] = (failures, DateTime.UtcNow + pause);
        logger.LogError(ex, "Outbox consumer {Consumer} failed ({Failures} in a row); retrying it alone in {Pause}.", consumer, failures, pause);
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(failures, 16))));
}
