using System.Threading.Channels;
using Actors.Contracts.Outbox;
using Actors.Telemetry;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Persistence.Storage;

/// <summary>
/// Group commit of grain state writes: the writes that arrive while a transaction commits are sent together as the
/// next one, one round trip and one WAL flush for all of them, and each grain's write completes only once that
/// transaction has committed. <see cref="GroupCommitOptions.Committers"/> transactions may be in flight at once.
/// <para>
/// A write statement never fails on a version conflict (it returns no version, for that grain alone), so a batch fails
/// only when PostgreSQL refuses a statement (an event whose payload is not JSON, a constraint): the whole transaction
/// rolls back and each of its writes is tried again in a transaction of its own, so that only the refused one fails. A broken connection
/// fails every write of the batch, as it fails a single write: the grains read their state back
/// (<c>WriteOrRestoreAsync</c>) and find whether it landed.
/// </para>
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private static readonly string[] EventParameterNames =
        ["EventAggregateTypes", "EventAggregateIds", "EventVersions", "EventTypes", "EventPayloads", "EventOccurredAt"];

    private readonly NpgsqlDataSource _dataSource;
    private readonly PositionalStatement _write;
    private readonly PositionalStatement _writeWithEvents;
    private readonly int _maxWrites;
    private readonly ILogger _logger;
    private readonly Channel<StateWrite> _waiting = Channel.CreateUnbounded<StateWrite>();
    private readonly Task[] _committers;

    /// <param name="writeSql">The state's write (migration 0003's <c>WriteToStorageKey</c>).</param>
    /// <param name="writeWithEventsSql">The state's write with its step's outbox rows (0016's <c>WriteToStorageWithEventsKey</c>).</param>
    public GroupCommit(NpgsqlDataSource dataSource, string writeSql, string writeWithEventsSql, GroupCommitOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(writeSql);
        ArgumentException.ThrowIfNullOrWhiteSpace(writeWithEventsSql);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxWritesPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Committers, 1);
        string[] stateParameterNames = [.. GrainStorageKey.ParameterNames, "GrainStateVersion", "PayloadBinary"];
        _write = PositionalStatement.Of(writeSql, stateParameterNames);
        _writeWithEvents = PositionalStatement.Of(writeWithEventsSql, [.. stateParameterNames, .. EventParameterNames]);
        (_dataSource, _maxWrites, _logger) = (dataSource, options.MaxWritesPerCommit, logger);
        _committers = Enumerable.Range(0, options.Committers).Select(_ => Task.Run(CommitLoopAsync)).ToArray();
    }

    /// <summary>The new version once the write's transaction committed; null on a version conflict.</summary>
    public Task<int?> WriteAsync(StateWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_waiting.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The silo is stopping: grain state writes are no longer taken.");
        }

        return write.Stored.Task;
    }

    /// <summary>Takes no more writes, and returns once those taken are answered.</summary>
    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await Task.WhenAll(_committers);
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<StateWrite>(_maxWrites);
        while (await _waiting.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxWrites && _waiting.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<StateWrite> batch)
    {
        try
        {
            var versions = await ExecuteAsync(batch);
            ActorsMetrics.GroupCommitted(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Stored.TrySetResult(versions[i]);
            }
        }
        catch (PostgresException refused) when (batch.Count > 1)
        {
            // One statement refused rolled back the others with it: each again alone, so that only that one fails.
            _logger.LogWarning(refused, "A grouped commit of {Count} grain state writes was refused ({SqlState}); writing them one by one.", batch.Count, refused.SqlState);
            foreach (var write in batch)
            {
                try
                {
                    write.Stored.TrySetResult((await ExecuteAsync([write]))[0]);
                    ActorsMetrics.GroupCommitted(1);
                }
                catch (Exception ex)
                {
                    write.Stored.TrySetException(ex);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var write in batch)
            {
                write.Stored.TrySetException(ex);
            }
        }
    }

    /// <summary>The writes as one batch: one implicit transaction, committed after the last statement, one version each.</summary>
    private async Task<int?[]> ExecuteAsync(IReadOnlyList<StateWrite> writes)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        var named = new List<NpgsqlParameter>(GrainStorageKey.ParameterNames.Count + 2 + EventParameterNames.Length);
        foreach (var write in writes)
        {
            var statement = write.Events.Count > 0 ? _writeWithEvents : _write;
            named.Clear();
            write.Key.AddParameters(named, write.ServiceId, write.StateName);
            named.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)write.Version ?? DBNull.Value });
            named.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = write.Payload });
            if (write.Events.Count > 0)
            {
                AddEvents(named, write.Events);
            }

            var command = new NpgsqlBatchCommand(statement.Text);
            statement.Bind(command.Parameters, named);
            batch.BatchCommands.Add(command);
        }

        var versions = new int?[writes.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = 0; i < writes.Count; i++)
        {
            if (i > 0)
            {
                await reader.NextResultAsync();
            }

            versions[i] = await reader.ReadAsync() && !await reader.IsDBNullAsync(0) ? reader.GetInt32(0) : null;
        }

        return versions;
    }

    /// <summary>The events as one array per outbox column, in their order (the statement unnests them side by side).</summary>
    private static void AddEvents(List<NpgsqlParameter> parameters, IReadOnlyList<OutboxEvent> events)
    {
        var count = events.Count;
        var (aggregateTypes, aggregateIds, versions, types, payloads, occurredAt) =
            (new string[count], new string[count], new long[count], new string[count], new byte[count][], new DateTime[count]);
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            (aggregateTypes[i], aggregateIds[i], versions[i], types[i], payloads[i]) = (e.AggregateType, e.AggregateId, e.Version, e.Type, e.PayloadUtf8());
            occurredAt[i] = e.OccurredAt.UtcDateTime;
        }

        parameters.Add(new NpgsqlParameter<string[]>("EventAggregateTypes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = aggregateTypes });
        parameters.Add(new NpgsqlParameter<string[]>("EventAggregateIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = aggregateIds });
        parameters.Add(new NpgsqlParameter<long[]>("EventVersions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = versions });
        parameters.Add(new NpgsqlParameter<string[]>("EventTypes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = types });
        // The JSON's UTF-8 bytes as text: no UTF-16 copy of a request's snapshot on the way to PostgreSQL.
        parameters.Add(new NpgsqlParameter<byte[][]>("EventPayloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = payloads });
        parameters.Add(new NpgsqlParameter<DateTime[]>("EventOccurredAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = occurredAt });
    }
}
