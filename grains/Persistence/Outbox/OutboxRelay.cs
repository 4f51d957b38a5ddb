using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Actors.Contracts.Outbox;
using Actors.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Outbox;

/// <summary>
/// Delivers the outbox to every <see cref="IOutboxConsumer"/>, one loop per lane (<see cref="IOutboxConsumer.Lane"/>).
/// Runs on every silo; a consumer's checkpoint row is locked FOR UPDATE SKIP LOCKED, so for each consumer only one silo
/// applies a batch at a time and the others simply find nothing to do. If that silo dies, its transaction ends and
/// another one takes over. The consumers of a lane share their rounds (<see cref="ProcessRoundAsync"/>): one idle
/// probe, one read of the batch and one transaction that moves every checkpoint it locked, instead of one of each per
/// consumer. A consumer that fails, or that is more than a batch behind the others of its lane, leaves the rounds and
/// runs alone (<see cref="ProcessBatchAsync(IOutboxConsumer, CancellationToken)"/>) in a task of its own until it has
/// succeeded and caught up, so that the others neither wait for it nor for its back-off.
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

    // A round's idle probe: the lane's consumers with a ready row beyond their checkpoint, one index probe each.
    private const string PendingRoundSql = $$"""
        SELECT c.consumer FROM outbox_checkpoint AS c WHERE c.consumer = ANY($1) AND {{ReadyBeyondCheckpoint}}
        """;

    // In key order, so that two silos' rounds lock checkpoints in the same order; those another relay holds are
    // skipped, and a checkpoint with nothing ready is not locked (a round that finds nothing takes no transaction id).
    private const string LockRoundSql = $$"""
        SELECT c.consumer, c.last_tx::text, c.last_seq FROM outbox_checkpoint AS c
        WHERE c.consumer = ANY($1) AND {{ReadyBeyondCheckpoint}}
        ORDER BY c.consumer
        FOR UPDATE SKIP LOCKED
        """;

    // Read from the lowest checkpoint of the round, in (tx_id, seq) order and only from transactions older than every
    // running one: a seq drawn by a transaction that commits later can then never fall behind a checkpoint (see
    // 0004_outbox.sql). A row of a type no consumer of the round handles comes without its payload: printing a jsonb
    // document as text was most of the read's time, and a request's event reaches a dozen consumers, half of which
    // only move past it.
    private const string ReadRoundSql = """
        SELECT o.tx_id::text, o.seq, o.aggregate_type, o.aggregate_id, o.version, o.type,
               CASE WHEN o.type = ANY($4) THEN o.payload::text END, o.occurred_at
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

    private const string EnsureCheckpointSql =
        "INSERT INTO outbox_checkpoint (consumer) VALUES ($1) ON CONFLICT (consumer) DO NOTHING";

    private readonly IReadOnlyList<IOutboxConsumer> _consumers = consumers.ToList();
    private readonly IReadOnlyList<IOutboxObserver> _observers = observers.ToList();
    private readonly OutboxRelayOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, bool> _checkpointed = new(StringComparer.Ordinal);

    // Completed by the next Wake and replaced at once: a loop takes it before its round, so a commit made while the round
    // runs still shortens the pause after it.
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Tells the relay that this process has just committed outbox events: each loop runs its next round as soon as
    /// <see cref="OutboxRelayOptions.WakeSpacing"/> has passed since its last one, instead of at its next poll. Commits
    /// of other silos are found by the poll.
    /// </summary>
    public void Wake() => Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Applies at most one batch for <paramref name="consumer"/> and returns how many outbox rows it moved past:
    /// 0 when there is nothing new or another relay holds the consumer right now.
    /// </summary>
    public Task<int> ProcessBatchAsync(IOutboxConsumer consumer, CancellationToken cancellationToken) =>
        ProcessBatchAsync(consumer, probe: true, cancellationToken);

    /// <summary>
    /// As <see cref="ProcessBatchAsync(IOutboxConsumer, CancellationToken)"/>; without the <paramref name="probe"/> (after
    /// a round that moved rows, when the next is likely to find some) the batch is read at once: one round trip less
    /// per batch under load, one more (the empty transaction's end) when nothing came meanwhile. A round of one: the
    /// consumer's own exception comes out as it was thrown.
    /// </summary>
    public async Task<int> ProcessBatchAsync(IOutboxConsumer consumer, bool probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        try
        {
            return (await ProcessRoundAsync([consumer], probe, cancellationToken)).Rows;
        }
        catch (OutboxConsumerException ex) when (ex.InnerException is { } thrown)
        {
            ExceptionDispatchInfo.Throw(thrown);
            throw;
        }
    }

    /// <summary>
    /// Applies at most one batch for each of <paramref name="consumers"/> in one transaction. The batch is read once,
    /// from the lowest checkpoint among those it could lock; each consumer gets the rows beyond its own checkpoint, in
    /// order, and every checkpoint moves in the one statement that commits with their effects, so each consumer still
    /// applies each event exactly once. A consumer that throws rolls the whole round back and is named by the
    /// <see cref="OutboxConsumerException"/>. Without the <paramref name="probe"/> (after a round that moved rows) the
    /// checkpoints are locked at once.
    /// </summary>
    public async Task<OutboxRound> ProcessRoundAsync(IReadOnlyList<IOutboxConsumer> consumers, bool probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumers);
        if (consumers.Count == 0)
        {
            return OutboxRound.Idle;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var consumer in consumers)
        {
            await EnsureCheckpointAsync(connection, consumer.Name, cancellationToken);
        }

        var names = consumers.Select(c => c.Name).ToArray();
        if (probe && (await PendingAsync(connection, names, cancellationToken)).Length == 0)
        {
            return OutboxRound.Idle;
        }

        // A span per round that found something: which lane, how many consumers it moved, how many events it read. A
        // consumer running alone (its own lane, or out of its lane's rounds for now) names the span.
        using var activity = ActorsTelemetry.Source.StartActivity(
            consumers.Count == 1 ? $"outbox {consumers[0].Name}" : $"outbox {consumers[0].Lane}", ActivityKind.Consumer);
        activity?.SetTag("actors.outbox.lane", consumers[0].Lane);
        if (consumers.Count == 1)
        {
            activity?.SetTag("actors.outbox.consumer", consumers[0].Name);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var positions = await LockRoundAsync(connection, transaction, names, cancellationToken);
        if (positions.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return OutboxRound.Idle;
        }

        var locked = consumers.Where(c => positions.ContainsKey(c.Name)).ToList();
        var wanted = locked.SelectMany(c => c.HandledTypes).Distinct(StringComparer.Ordinal).ToArray();
        var rows = await ReadRoundAsync(connection, transaction, positions.Values.Min(), wanted, cancellationToken);
        activity?.SetTag("actors.outbox.events", rows.Count);
        var applied = new List<(IOutboxConsumer Consumer, List<OutboxEvent> Handled, OutboxPosition Last)>();
        foreach (var consumer in locked)
        {
            var position = positions[consumer.Name];
            var first = rows.FindIndex(r => r.Position.CompareTo(position) > 0);
            if (first < 0)
            {
                continue;
            }

            var handled = new List<OutboxEvent>();
            for (var i = first; i < rows.Count; i++)
            {
                if (rows[i].Event is { } e && consumer.HandledTypes.Contains(e.Type))
                {
                    handled.Add(e);
                }
            }

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

            applied.Add((consumer, handled, rows[^1].Position));
        }

        activity?.SetTag("actors.outbox.consumers", applied.Count);
        if (applied.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return OutboxRound.Idle;
        }

        await using (var advance = new NpgsqlCommand(AdvanceRoundSql, connection, transaction))
        {
            advance.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = applied.Select(a => a.Consumer.Name).ToArray() });
            advance.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = applied.Select(a => a.Last.Tx.ToString(CultureInfo.InvariantCulture)).ToArray() });
            advance.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = applied.Select(a => a.Last.Seq).ToArray() });
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (consumer, handled, _) in applied)
        {
            if (handled.Count > 0)
            {
                await NotifyAsync(consumer.Name, handled, cancellationToken);
            }
        }

        // A full batch that did not reach some of the lane's consumers (their checkpoints were beyond it, or they had
        // nothing ready, or another relay holds them): the ones it fed are more than a batch behind those, and go on
        // alone until they catch up rather than hold the lane back batch after batch.
        var behind = rows.Count >= _options.BatchSize && applied.Count < consumers.Count
            ? applied.Select(a => a.Consumer.Name).ToList()
            : [];
        return new OutboxRound(rows.Count, behind);
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

    private static async Task<string[]> PendingAsync(NpgsqlConnection connection, string[] names, CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        await using var command = new NpgsqlCommand(PendingRoundSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(reader.GetString(0));
        }

        return [.. pending];
    }

    private static async Task<Dictionary<string, OutboxPosition>> LockRoundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string[] names, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, OutboxPosition>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(LockRoundSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions[reader.GetString(0)] = new OutboxPosition(ulong.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetInt64(2));
        }

        return positions;
    }

    /// <summary>The round's rows in commit order; an event only where some consumer of the round handles its type.</summary>
    private async Task<List<(OutboxPosition Position, OutboxEvent? Event)>> ReadRoundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxPosition from, string[] wanted, CancellationToken cancellationToken)
    {
        var rows = new List<(OutboxPosition Position, OutboxEvent? Event)>();
        await using var read = new NpgsqlCommand(ReadRoundSql, connection, transaction);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = from.Tx.ToString(CultureInfo.InvariantCulture) });
        read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from.Seq });
        read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.BatchSize });
        read.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = wanted });
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var position = new OutboxPosition(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
            // The payload's UTF-8 as it came: the consumers parse it from there, none needs it as a string.
            rows.Add((position, reader.IsDBNull(6) ? null : OutboxEvent.FromUtf8(
                aggregateType: reader.GetString(2),
                aggregateId: reader.GetString(3),
                version: reader.GetInt64(4),
                type: reader.GetString(5),
                payloadUtf8: reader.GetFieldValue<byte[]>(6),
                occurredAt: reader.GetFieldValue<DateTimeOffset>(7))));
        }

        return rows;
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
        Task.WhenAll(_consumers.GroupBy(c => c.Lane, StringComparer.Ordinal).Select(lane => lane.Count() == 1
            ? RunAloneAsync(lane.First(), failures: 0, untilCaughtUp: false, stoppingToken)
            : RunLaneAsync(lane.ToList(), stoppingToken)));

    private async Task RunLaneAsync(IReadOnlyList<IOutboxConsumer> lane, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path at once.
        await Task.Yield();
        // The lane's consumers running on their own for now (failing, or catching up), and their tasks.
        var alone = new ConcurrentDictionary<string, Task>(StringComparer.Ordinal);
        var failures = 0;
        var moved = 0;
        var woken = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            var wake = _wake.Task;
            try
            {
                var round = await ProcessRoundAsync(lane.Where(c => !alone.ContainsKey(c.Name)).ToList(), probe: moved == 0 && !woken, stoppingToken);
                moved = round.Rows;
                failures = 0;
                foreach (var name in round.Behind)
                {
                    Leave(alone, lane.First(c => c.Name == name), failures: 0, stoppingToken);
                }

                pause = moved >= _options.BatchSize ? TimeSpan.Zero : _options.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (OutboxConsumerException ex)
            {
                // The others go on at once without it; it is retried alone after its back-off.
                moved = 0;
                logger.LogError(ex.InnerException ?? ex, "Outbox consumer {Consumer} failed (1 in a row); retrying it alone in {Pause}.", ex.Consumer, Backoff(1));
                Leave(alone, lane.First(c => c.Name == ex.Consumer), failures: 1, stoppingToken);
                pause = TimeSpan.Zero;
            }
            catch (Exception ex)
            {
                moved = 0;
                failures++;
                pause = Backoff(failures);
                logger.LogError(ex, "Outbox round of lane {Lane} failed ({Failures} in a row); retrying in {Pause}.", lane[0].Lane, failures, pause);
            }

            if (pause > TimeSpan.Zero)
            {
                if (await PauseAsync(pause, failures == 0 ? wake : null, stoppingToken) is not { } wokenEarly)
                {
                    break;
                }

                woken = wokenEarly;
            }
        }

        await Task.WhenAll(alone.Values);
    }

    private void Leave(ConcurrentDictionary<string, Task> alone, IOutboxConsumer consumer, int failures, CancellationToken stoppingToken)
    {
        if (alone.ContainsKey(consumer.Name))
        {
            return;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        alone[consumer.Name] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAloneAsync(consumer, failures, untilCaughtUp: true, stoppingToken);
            }
            finally
            {
                alone.TryRemove(consumer.Name, out _);
                done.SetResult();
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// One consumer's own loop: for ever when it has a lane of its own, or (<paramref name="untilCaughtUp"/>) until a
    /// batch succeeds without being full, when it rejoins its lane's rounds.
    /// </summary>
    private async Task RunAloneAsync(IOutboxConsumer consumer, int failures, bool untilCaughtUp, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path (or the lane's loop) at once.
        await Task.Yield();
        var moved = 0;
        var pause = failures > 0 ? Backoff(failures) : TimeSpan.Zero;
        var woken = false;
        var wake = _wake.Task;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (pause > TimeSpan.Zero)
            {
                if (await PauseAsync(pause, failures == 0 ? wake : null, stoppingToken) is not { } wokenEarly)
                {
                    return;
                }

                woken = wokenEarly;
            }

            wake = _wake.Task;
            try
            {
                moved = await ProcessBatchAsync(consumer, probe: moved == 0 && !woken, stoppingToken);
                failures = 0;
                if (untilCaughtUp && moved < _options.BatchSize)
                {
                    return;
                }

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
                pause = Backoff(failures);
                logger.LogError(ex, "Outbox consumer {Consumer} failed ({Failures} in a row); retrying in {Pause}.", consumer.Name, failures, pause);
            }
        }
    }

    /// <summary>
    /// Waits <paramref name="pause"/>, or less when <paramref name="wake"/> completes, though never less than the wake
    /// spacing (a back-off passes no wake). Returns whether the wait was cut short by a wake; null once stopping.
    /// </summary>
    private async Task<bool?> PauseAsync(TimeSpan pause, Task? wake, CancellationToken stoppingToken)
    {
        try
        {
            if (wake is null || pause <= _options.WakeSpacing)
            {
                await Task.Delay(pause, stoppingToken);
                return false;
            }

            await Task.Delay(_options.WakeSpacing, stoppingToken);
            if (wake.IsCompleted)
            {
                return true;
            }

            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(pause - _options.WakeSpacing, waiting.Token);
            var first = await Task.WhenAny(delay, wake);
            await waiting.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
            return first == wake;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(failures, 16))));
}
