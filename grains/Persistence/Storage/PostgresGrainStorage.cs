using System.Globalization;
using System.Runtime.InteropServices;
using Actors.Contracts.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Actors.Persistence.Storage;

/// <summary>
/// Grain state in <c>orleans_storage</c> on Npgsql directly, with the statements of migration 0003 (read from
/// <c>OrleansQuery</c>, as Orleans' ADO.NET provider reads them) and the same rows, keys, versions and JSON: the two
/// providers read what the other wrote. What differs is the write: through <see cref="GroupCommit"/>, many grains'
/// writes in one transaction, and a domain state's events as outbox rows of its write's statement (0016) rather than
/// inside its JSON. A cleared state's row is deleted (the domain storage's <c>DeleteStateOnClear</c>).
/// </summary>
public sealed class PostgresGrainStorage(
    string serviceId,
    NpgsqlDataSource dataSource,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    GroupCommitOptions options,
    ILogger<PostgresGrainStorage> logger) : IGrainStorage, IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private Queries? _queries;
    private GroupCommit? _commits;

    /// <summary>The provider of a silo: its service id, the hosts' data source, the grain storage serializer, Orleans' activators.</summary>
    public static PostgresGrainStorage FromServices(IServiceProvider services, GroupCommitOptions options) =>
        new(
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            options,
            services.GetRequiredService<ILogger<PostgresGrainStorage>>());

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var queries = await QueriesAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = Command(queries.Read, connection, stateName, GrainStorageKey.Of(grainId));
        await using var reader = await command.ExecuteReaderAsync();
        T? state = default;
        string? etag = null;
        var exists = false;
        if (await reader.ReadAsync())
        {
            if (!await reader.IsDBNullAsync(0))
            {
                state = serializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(0)));
                exists = true;
            }

            etag = reader.GetInt32(1).ToString(CultureInfo.InvariantCulture);
        }

        grainState.State = state ?? activators.GetActivator<T>().Create();
        grainState.ETag = etag;
        grainState.RecordExists = exists;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var commits = await CommitsAsync();
        var (payload, events) = Serialize(grainState.State);
        var write = new StateWrite(serviceId, stateName, GrainStorageKey.Of(grainId), Version(grainState.ETag), payload, events);
        var stored = await commits.WriteAsync(write)
            ?? throw Conflict("WriteState", stateName, grainId, grainState.ETag);
        grainState.ETag = stored.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var queries = await QueriesAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = Command(
            queries.Delete, connection, stateName, GrainStorageKey.Of(grainId),
            new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)Version(grainState.ETag) ?? DBNull.Value });
        if (await command.ExecuteScalarAsync() is not int)
        {
            throw Conflict("ClearState", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    public async ValueTask DisposeAsync()
    {
        if (_commits is { } commits)
        {
            await commits.DisposeAsync();
        }

        _starting.Dispose();
    }

    /// <summary>
    /// The state's JSON and the events of its step. A domain state's events go to the outbox as rows of the same
    /// statement, so its JSON is written with an empty "Outbox": a request's events each hold a snapshot of the whole
    /// request, which inside the state were a second, escaped copy rewritten at every step and parsed again by the
    /// trigger (migration 0016). The list is put back at once: the grain publishes it after the write.
    /// </summary>
    private (byte[] Payload, IReadOnlyList<OutboxEvent> Events) Serialize<T>(T state)
    {
        if (state is not IAggregateState { Outbox.Count: > 0 } aggregate)
        {
            return (Bytes(serializer.Serialize(state)), []);
        }

        var events = aggregate.Outbox;
        aggregate.Outbox = [];
        try
        {
            return (Bytes(serializer.Serialize(state)), events);
        }
        finally
        {
            aggregate.Outbox = events;
        }
    }

    /// <summary>The serialized state's own array when it is one whole array (System.Text.Json's are): no second copy per write.</summary>
    private static byte[] Bytes(BinaryData serialized) =>
        MemoryMarshal.TryGetArray(serialized.ToMemory(), out var segment) && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length
            ? array
            : serialized.ToArray();

    private static int? Version(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={serviceId} GrainType={stateName} GrainId={grainId} ETag={etag}.");

    private NpgsqlCommand Command(PositionalStatement statement, NpgsqlConnection connection, string stateName, GrainStorageKey key, params NpgsqlParameter[] more)
    {
        var named = new List<NpgsqlParameter>(GrainStorageKey.ParameterNames.Count + more.Length);
        key.AddParameters(named, serviceId, stateName);
        named.AddRange(more);
        var command = new NpgsqlCommand(statement.Text, connection);
        statement.Bind(command.Parameters, named);
        return command;
    }

    private async ValueTask<GroupCommit> CommitsAsync()
    {
        if (_commits is { } started)
        {
            return started;
        }

        var queries = await QueriesAsync();
        await _starting.WaitAsync();
        try
        {
            return _commits ??= new GroupCommit(dataSource, queries.Write, queries.WriteWithEvents, options, logger);
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>The provider's statements, as the migrations stored them (read once, at the first use).</summary>
    private async ValueTask<Queries> QueriesAsync()
    {
        if (_queries is { } known)
        {
            return known;
        }

        await _starting.WaitAsync();
        try
        {
            if (_queries is null)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT querykey, querytext FROM orleansquery WHERE querykey IN ('WriteToStorageKey', 'WriteToStorageWithEventsKey', 'ReadFromStorageKey', 'DeleteStorageKey')",
                    connection);
                await using var reader = await command.ExecuteReaderAsync();
                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                while (await reader.ReadAsync())
                {
                    texts[reader.GetString(0)] = reader.GetString(1);
                }

                string Text(string key) => texts.TryGetValue(key, out var text)
                    ? text
                    : throw new InvalidOperationException($"OrleansQuery holds no {key}: run the migrations first (silo migrate).");
                _queries = new Queries(
                    PositionalStatement.Of(Text("ReadFromStorageKey"), GrainStorageKey.ParameterNames),
                    Text("WriteToStorageKey"),
                    Text("WriteToStorageWithEventsKey"),
                    PositionalStatement.Of(Text("DeleteStorageKey"), [.. GrainStorageKey.ParameterNames, "GrainStateVersion"]));
            }

            return _queries;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>The read and the delete as sent; the writes' texts go to <see cref="GroupCommit"/>, which turns them the same way.</summary>
    private sealed record Queries(PositionalStatement Read, string Write, string WriteWithEvents, PositionalStatement Delete);
}
