using System.Globalization;
using Actors.Contracts.Outbox;
using Actors.Persistence.Storage;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Actors.Tests.Postgres;

/// <summary>
/// <see cref="PostgresGrainStorage"/> against a real PostgreSQL, beside Orleans' own ADO.NET provider on the same
/// database: the rows either writes are the rows the other reads (keys of every kind, versions, cleared states), a stale
/// version is a conflict that changes nothing, writes that wait together commit in one transaction, a write
/// PostgreSQL refuses fails alone although it was grouped with others, and a domain state's events become outbox rows
/// of its own write (migration 0016), never of a stale one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresServer server)
{
    private const string ServiceId = "actors-tests";
    private const string StateName = "storage-test";

    private static readonly IActivatorProvider Activators = new ServiceCollection().AddSerializer(_ => { }).BuildServiceProvider().GetRequiredService<IActivatorProvider>();
    private static readonly IGrainStorageSerializer Json = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> GrainIds => new()
    {
        "guid", "integer", "string", "guid+extension", "integer+extension",
    };

    [Theory]
    [MemberData(nameof(GrainIds))]
    public async Task What_either_provider_writes_the_other_reads(string kind)
    {
        var connection = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var ours = Storage(dataSource, new GroupCommitOptions { GroupCommit = true });
        var theirs = await AdoNetStorageAsync(connection);
        var grain = GrainOf(kind);

        // Theirs writes first, ours reads it and writes the next version, theirs reads that.
        var written = new ProbeState { Version = 1, Notes = ["by ADO.NET"] };
        var state = new GrainState<ProbeState>(written);
        await theirs.WriteStateAsync(StateName, grain, state);
        var read = new GrainState<ProbeState>();
        await ours.ReadStateAsync(StateName, grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(["by ADO.NET"], read.State!.Notes);

        read.State!.Notes.Add("by Npgsql");
        await ours.WriteStateAsync(StateName, grain, read);
        var again = new GrainState<ProbeState>();
        await theirs.ReadStateAsync(StateName, grain, again);
        Assert.Equal(read.ETag, again.ETag);
        Assert.Equal(["by ADO.NET", "by Npgsql"], again.State!.Notes);
        Assert.Equal(1, await RowsAsync(dataSource));

        // Cleared by ours: the row goes (DeleteStateOnClear), and theirs reads no state; a first write starts again.
        await ours.ClearStateAsync(StateName, grain, again);
        Assert.False(again.RecordExists);
        Assert.Null(again.ETag);
        var gone = new GrainState<ProbeState>();
        await theirs.ReadStateAsync(StateName, grain, gone);
        Assert.False(gone.RecordExists);
        Assert.Equal(0, await RowsAsync(dataSource));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await using var storage = Storage(dataSource, new GroupCommitOptions { GroupCommit = true });
        var grain = GrainOf("guid");
        var first = new GrainState<ProbeState>(new ProbeState { Notes = ["first"] });
        await storage.WriteStateAsync(StateName, grain, first);
        var stale = new GrainState<ProbeState>(new ProbeState { Notes = ["stale"] }) { ETag = first.ETag };
        await storage.WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale));
        // A second "first write" (a duplicate activation that read nothing) conflicts too.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, new GrainState<ProbeState>(new ProbeState())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
        Assert.Equal(["first"], read.State!.Notes);
    }

    [Fact]
    public async Task Writes_that_wait_together_commit_in_one_transaction_each_answered_after_it()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await using var storage = Storage(dataSource, new GroupCommitOptions { GroupCommit = true, Committers = 1 });
        const int waiting = 30;
        var grains = Enumerable.Range(0, waiting + 1).Select(_ => GrainOf("guid")).ToList();

        // The first write is held by a row lock; the thirty that arrive meanwhile wait for the next transaction.
        var (blocker, held) = await HoldAsync(dataSource, storage, grains[0]);
        var before = await XidsAsync(dataSource);
        var first = storage.WriteStateAsync(StateName, grains[0], held);
        await Task.Delay(300, Cancel);
        var states = grains.Skip(1).Select(_ => new GrainState<ProbeState>(new ProbeState { Notes = ["grouped"] })).ToList();
        var rest = grains.Skip(1).Select((grain, i) => storage.WriteStateAsync(StateName, grain, states[i])).ToList();
        await Task.Delay(300, Cancel);
        Assert.All(rest, write => Assert.False(write.IsCompleted, "a grouped write was answered before its transaction committed"));

        await blocker.RollbackAsync(Cancel);
        await first;
        await Task.WhenAll(rest);

        Assert.All(states, state => Assert.Equal("1", state.ETag));
        Assert.Equal(waiting + 1, await RowsAsync(dataSource));

        // Write transactions drawn meanwhile: the held one, the thirty's one (and the blocker's own, rolled back).
        Assert.InRange(await XidsAsync(dataSource) - before, 2, 4);
    }

    // Its event's payload is not JSON: the outbox trigger refuses the statement, and with it the whole transaction.
    [Fact]
    public Task A_write_PostgreSQL_refuses_fails_alone_and_the_others_of_its_group_are_stored() =>
        OneRefusedAmongGoodWritesAsync(e => new ProbeState { Outbox = [e] });

    [Fact]
    public async Task A_domain_state_is_stored_without_its_events_which_become_outbox_rows_of_the_same_write()
    {
        var connection = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var ours = Storage(dataSource, new GroupCommitOptions { GroupCommit = true });
        var grain = GrainOf("guid");
        var id = grain.ToString();
        var at = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(1));
        List<OutboxEvent> events =
        [
            new("Probe", id, 1, "ProbeOpened", """{"note":"تونس","n":1}""", at),
            new("Probe", id, 1, "ProbeCounted", """{"n":1}""", at),
        ];
        var state = new GrainState<DomainProbeState>(new DomainProbeState { Version = 1, Notes = ["opened"], Outbox = events });

        await ours.WriteStateAsync(StateName, grain, state);

        // The grain keeps its list (it publishes it after the write); the row has none; the outbox has both, as sent.
        Assert.Same(events, state.State!.Outbox);
        Assert.Contains("\"Outbox\":[]", await StoredJsonAsync(dataSource), StringComparison.Ordinal);
        Assert.Equal(
            [("ProbeOpened", 1L, """{"n": 1, "note": "تونس"}""", at), ("ProbeCounted", 1L, """{"n": 1}""", at)],
            await OutboxRowsAsync(dataSource, id));

        // A stale writer's events are not written with it; a retried write of the same step adds no row; the next
        // step's events land beside the first ones.
        var stale = new GrainState<DomainProbeState>(new DomainProbeState { Version = 2, Outbox = [new("Probe", id, 2, "ProbeStale", "{}", at)] }) { ETag = "7" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => ours.WriteStateAsync(StateName, grain, stale));
        await ours.WriteStateAsync(StateName, grain, state);
        state.State.Version = 2;
        state.State.Outbox = [new("Probe", id, 2, "ProbeClosed", "{}", at.AddMinutes(5))];
        await ours.WriteStateAsync(StateName, grain, state);
        Assert.Equal(["ProbeOpened", "ProbeCounted", "ProbeClosed"], (await OutboxRowsAsync(dataSource, id)).Select(r => r.Type));

        // Orleans' ADO.NET provider reads the state ours wrote, and the state it writes with events is copied by the trigger.
        var theirs = await AdoNetStorageAsync(connection);
        var read = new GrainState<DomainProbeState>();
        await theirs.ReadStateAsync(StateName, grain, read);
        Assert.Equal(state.ETag, read.ETag);
        read.State!.Version = 3;
        read.State.Outbox = [new("Probe", id, 3, "ProbeReopened", "{}", at.AddMinutes(9))];
        await theirs.WriteStateAsync(StateName, grain, read);
        Assert.Equal(["ProbeOpened", "ProbeCounted", "ProbeClosed", "ProbeReopened"], (await OutboxRowsAsync(dataSource, id)).Select(r => r.Type));
    }

    // The same through the statement of migration 0016: the event's row refuses it, and the state is not written either.
    [Fact]
    public Task A_domain_event_PostgreSQL_refuses_fails_its_write_alone_and_writes_nothing() =>
        OneRefusedAmongGoodWritesAsync(e => new DomainProbeState { Outbox = [e] });

    /// <summary>
    /// Ten writes grouped behind a held row with one whose event's payload is not JSON: that one fails with
    /// PostgreSQL's refusal and writes neither its state nor its event; the others are stored with their events.
    /// </summary>
    private async Task OneRefusedAmongGoodWritesAsync<TState>(Func<OutboxEvent, TState> withEvent)
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await using var storage = Storage(dataSource, new GroupCommitOptions { GroupCommit = true, Committers = 1 });
        var grains = Enumerable.Range(0, 12).Select(_ => GrainOf("guid")).ToList();
        var (blocker, held) = await HoldAsync(dataSource, storage, grains[0]);
        var first = storage.WriteStateAsync(StateName, grains[0], held);
        await Task.Delay(300, Cancel);

        var refused = new GrainState<TState>(withEvent(new OutboxEvent("Probe", "refused", 1, "ProbeChanged", "{not json", DateTimeOffset.UtcNow)));
        var good = grains.Skip(2)
            .Select(g => new GrainState<TState>(withEvent(new OutboxEvent("Probe", g.ToString(), 1, "ProbeChanged", "{}", DateTimeOffset.UtcNow))))
            .ToList();
        var writes = grains.Skip(2).Select((grain, i) => storage.WriteStateAsync(StateName, grain, good[i])).ToList();
        var refusedWrite = storage.WriteStateAsync(StateName, grains[1], refused);
        await Task.Delay(300, Cancel);
        await blocker.RollbackAsync(Cancel);
        await first;

        await Assert.ThrowsAsync<PostgresException>(() => refusedWrite);
        await Task.WhenAll(writes);
        Assert.All(good, state => Assert.Equal("1", state.ETag));
        Assert.Null(refused.ETag);
        Assert.Equal(grains.Count - 1, await RowsAsync(dataSource));
        Assert.Empty(await OutboxRowsAsync(dataSource, "refused"));
        await using var outbox = dataSource.CreateCommand("SELECT count(*) FROM outbox WHERE aggregate_type = 'Probe'");
        Assert.Equal((long)good.Count, (long)(await outbox.ExecuteScalarAsync(Cancel))!);
    }

    private static PostgresGrainStorage Storage(NpgsqlDataSource dataSource, GroupCommitOptions options) =>
        new(ServiceId, dataSource, Json, Activators, options, NullLogger<PostgresGrainStorage>.Instance);

    /// <summary>Orleans' ADO.NET provider on the same database, started as a silo starts it (its lifecycle stage).</summary>
    private static async Task<IGrainStorage> AdoNetStorageAsync(string connectionString)
    {
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = "Npgsql",
            ConnectionString = connectionString,
            GrainStorageSerializer = Json,
            DeleteStateOnClear = true,
        };
        var storage = new AdoNetGrainStorage(
            Activators, NullLogger<AdoNetGrainStorage>.Instance, Options.Create(options),
            Options.Create(new ClusterOptions { ServiceId = ServiceId, ClusterId = "storage-tests" }), "actors");
        var lifecycle = new StartingLifecycle();
        storage.Participate(lifecycle);
        await lifecycle.StartAsync(Cancel);
        return storage;
    }

    private static GrainId GrainOf(string kind)
    {
        var type = GrainType.Create("storagetest");
        return kind switch
        {
            "guid" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            "integer" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
            "string" => GrainId.Create(type, "center-" + Guid.NewGuid().ToString("N")[..8]),
            "guid+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "2026-12-02")),
            "integer+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(), "TN11-GU1")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>A stored grain whose row another transaction holds locked, and its state ready for the next write.</summary>
    private static async Task<(NpgsqlTransaction Blocker, GrainState<ProbeState> State)> HoldAsync(NpgsqlDataSource dataSource, PostgresGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<ProbeState>(new ProbeState { Notes = ["held"] });
        await storage.WriteStateAsync(StateName, grain, state);
        var connection = await dataSource.OpenConnectionAsync(Cancel);
        var blocker = await connection.BeginTransactionAsync(Cancel);
        await using var lockRow = new NpgsqlCommand("SELECT 1 FROM orleans_storage WHERE grain_type = $1 AND grain_id_n0 = $2 AND grain_id_n1 = $3 FOR UPDATE", connection, blocker)
        {
            Parameters = { new() { Value = StateName }, new() { Value = GrainStorageKey.Of(grain).N0 }, new() { Value = GrainStorageKey.Of(grain).N1 } },
        };
        Assert.Equal(1, await lockRow.ExecuteScalarAsync(Cancel));
        return (blocker, state);
    }

    private static async Task<long> RowsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM orleans_storage WHERE grain_type = '{StateName}' AND service_id = '{ServiceId}'");
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private static async Task<string> StoredJsonAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"SELECT convert_from(payload, 'UTF8') FROM orleans_storage WHERE grain_type = '{StateName}'");
        return (string)(await command.ExecuteScalarAsync(Cancel))!;
    }

    /// <summary>An aggregate's outbox rows in the order they were written: type, version, payload (as jsonb prints it), time.</summary>
    private static async Task<List<(string Type, long Version, string Payload, DateTimeOffset OccurredAt)>> OutboxRowsAsync(NpgsqlDataSource dataSource, string aggregateId)
    {
        await using var command = dataSource.CreateCommand("SELECT type, version, payload::text, occurred_at FROM outbox WHERE aggregate_id = $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = aggregateId });
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new List<(string, long, string, DateTimeOffset)>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    // Transaction ids are server-wide: the tests of this collection run one at a time.
    private static async Task<long> XidsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture);
    }

    /// <summary>Shaped like the domain states: some data, and the events of the latest transition for the outbox trigger.</summary>
    public sealed class ProbeState
    {
        public long Version { get; set; }

        public List<string> Notes { get; set; } = [];

        public List<OutboxEvent> Outbox { get; set; } = [];
    }

    /// <summary>A domain state, as the step pipeline sees it: its events leave with the write as rows, not inside it.</summary>
    public sealed class DomainProbeState : IAggregateState
    {
        public long Version { get; set; }

        public List<string> Notes { get; set; } = [];

        public List<OutboxEvent> Outbox { get; set; } = [];
    }

    /// <summary>The silo lifecycle's start, for a provider built outside a silo: runs what it subscribed, stage by stage.</summary>
    private sealed class StartingLifecycle : ISiloLifecycle
    {
        private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

        public int HighestCompletedStage { get; private set; }

        public int LowestStoppedStage { get; private set; }

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add((stage, observer));
            return new Unsubscriber();
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var (stage, observer) in _observers.OrderBy(o => o.Stage))
            {
                await observer.OnStart(cancellationToken);
                HighestCompletedStage = stage;
            }
        }

        private sealed class Unsubscriber : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
