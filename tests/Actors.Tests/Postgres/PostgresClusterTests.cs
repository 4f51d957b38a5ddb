using System.Text.Json;
using Actors.Contracts.Naming;
using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace Actors.Tests.Postgres;

/// <summary>Orleans on our PostgreSQL schema: state, ETags, the transactional outbox, the relay, membership and reminders.</summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class PostgresClusterTests(PostgresClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateRoundTripsThroughPostgres()
    {
        var key = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IOutboxProbeGrain>(key);

        await grain.TransitionAsync("one");
        await grain.TransitionAsync("two");
        await grain.DeactivateAsync();
        var reloaded = await grain.GetAsync();

        Assert.Equal(2, reloaded.Version);
        Assert.Equal(["one", "two"], reloaded.Notes);
        Assert.Equal([2], await ScalarsAsync<int>(
            $"SELECT version FROM orleans_storage WHERE grain_type = '{OutboxProbeGrain.StateName}' AND service_id = '{fixture.ServiceId}' AND payload IS NOT NULL AND convert_from(payload, 'UTF8')::jsonb -> 'Outbox' -> 0 ->> 'AggregateId' = '{key:D}'"));
    }

    /// <summary>
    /// State is stored as UTF-8 JSON bytes with the PascalCase "Outbox" list that the trigger of 0004_outbox.sql reads.
    /// That migration's comment cites this test by name, and an applied migration's text cannot change (its checksum is
    /// recorded), so the name stays.
    /// </summary>
    [Fact]
    public async Task OutboxLandsWithTheState()
    {
        var key = Guid.NewGuid();
        await fixture.Grains.GetGrain<IOutboxProbeGrain>(key).TransitionAsync("shape");

        // The provider passes the serializer's output as @PayloadBinary (bytea); it is UTF-8 JSON, PascalCase.
        var payloads = await ScalarsAsync<byte[]>(
            $"SELECT payload FROM orleans_storage WHERE grain_type = '{OutboxProbeGrain.StateName}' AND convert_from(payload, 'UTF8') LIKE '%{key:D}%'");
        using var json = JsonDocument.Parse(Assert.Single(payloads));
        var outbox = json.RootElement.GetProperty("Outbox");
        Assert.Equal(JsonValueKind.Array, outbox.ValueKind);
        var e = Assert.Single(outbox.EnumerateArray().ToList());
        Assert.Equal(key.ToString("D"), e.GetProperty("AggregateId").GetString());
        Assert.Equal(1, e.GetProperty("Version").GetInt64());
        Assert.Equal(OutboxProbeGrain.EventType, e.GetProperty("Type").GetString());
        Assert.Equal(JsonValueKind.String, e.GetProperty("Payload").ValueKind);
        Assert.True(e.TryGetProperty("AggregateType", out _) && e.TryGetProperty("OccurredAt", out _));
        Assert.Equal(1, json.RootElement.GetProperty("Version").GetInt64());
    }

    [Fact]
    public async Task AStaleETagFailsTheWriteAndLeavesNoEvent()
    {
        var key = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IOutboxProbeGrain>(key);
        await grain.TransitionAsync("kept");
        // Another writer (a duplicate activation, a split brain) moves the row on behind the grain's back.
        await ExecuteAsync($"UPDATE orleans_storage SET version = version + 1 WHERE grain_type = '{OutboxProbeGrain.StateName}' AND convert_from(payload, 'UTF8') LIKE '%{key:D}%'");

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.TransitionAsync("lost"));
        await Eventually.Async(async () =>
        {
            try
            {
                await grain.TransitionAsync("after reload");
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }, Deadline, "the grain reloads and writes again");

        var events = await ScalarsAsync<string>($"SELECT version || ':' || (payload ->> 'note') FROM outbox WHERE aggregate_id = '{key:D}' ORDER BY version");
        Assert.Equal(["1:kept", "2:after reload"], events);
        Assert.Equal(["kept", "after reload"], (await grain.GetAsync()).Notes);
    }

    [Fact]
    public async Task ASecondFirstWriteOfOneGrainIsRejectedByTheStorageProvider()
    {
        var key = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IOutboxProbeGrain>(key);
        await grain.TransitionAsync("first");
        var storage = fixture.SiloServices(0).GetRequiredKeyedService<IGrainStorage>(StorageNames.Domain);

        // A state that was never read (ETag null), as a duplicate activation would hold, must not overwrite the stored one.
        var blind = new GrainState<OutboxProbeState>(new OutboxProbeState { Version = 99 });

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(OutboxProbeGrain.StateName, ((GrainReference)grain).GrainId, blind));
        Assert.Equal(1, (await grain.GetAsync()).Version);
    }

    [Fact]
    public async Task OutboxRowsAppearOncePerVersionAndTheRelayAppliesThemOnce()
    {
        var key = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IOutboxProbeGrain>(key);
        // The first relay batch after this point fails after writing its effects; the retry must not double them.
        fixture.Probe.FailNextBatches = 1;

        await grain.TransitionAsync("a");
        await grain.RewriteAsync();
        await grain.TransitionAsync("b");
        await grain.TransitionAsync("c");
        await grain.RewriteAsync();
        // Replay the events straight into the outbox, as a retried write or a restored backup would.
        await ExecuteAsync($"""
            INSERT INTO outbox (aggregate_type, aggregate_id, version, type, payload, occurred_at)
            SELECT aggregate_type, aggregate_id, version, type, payload, occurred_at FROM outbox WHERE aggregate_id = '{key:D}'
            ON CONFLICT DO NOTHING
            """);

        Assert.Equal([1L, 2L, 3L], await ScalarsAsync<long>($"SELECT version FROM outbox WHERE aggregate_id = '{key:D}' ORDER BY version"));
        // Passed in the relay's order, (tx_id, seq): its checkpoint's last seq need not be the highest one.
        await Eventually.Async(async () =>
            await ScalarsAsync<bool>($"""
                SELECT NOT EXISTS (SELECT 1 FROM outbox AS o JOIN outbox_checkpoint AS c ON c.consumer = '{fixture.Probe.Name}'
                                   WHERE o.aggregate_id = '{key:D}' AND (o.tx_id, o.seq) > (c.last_tx, c.last_seq))
                """) is [true],
            Deadline, "the relay passes the grain's events");
        Assert.Equal(["1:1", "2:1", "3:1"], await ScalarsAsync<string>(
            $"SELECT version || ':' || applied FROM probe_effect WHERE consumer = '{fixture.Probe.Name}' AND aggregate_id = '{key:D}' ORDER BY version"));
    }

    [Fact]
    public async Task TheRelayFeedsThePostgresRequestIndex()
    {
        var entry = new RequestIndexEntry(Guid.NewGuid(), "REF-" + Random.Shared.Next(), RequestKind.CriminalRecordExtract,
            RequestStatus.Paid, "C-07", "SFAX", "owner-" + Guid.NewGuid(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 4, false);
        var index = fixture.SiloServices(1).GetRequiredService<IRequestIndex>();

        await fixture.Grains.GetGrain<IOutboxProbeGrain>(Guid.NewGuid()).EmitRequestChangedAsync(entry);

        var query = new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(OwnerSubject: entry.OwnerSubject), RequestOrder.Default, First: 5);
        await Eventually.Async(async () => (await index.QueryAsync(query, Cancel)).Items.Count == 1, Deadline, "the entry reaches the index");
        Assert.Equal([entry], (await index.QueryAsync(query, Cancel)).Items);
    }

    [Fact]
    public async Task MembershipRowsExistForBothSilos()
    {
        var active = await ScalarsAsync<string>(
            $"SELECT address || ':' || port FROM orleans_membership WHERE cluster_id = '{fixture.ClusterId}' AND status = 3 ORDER BY port");
        var silos = fixture.Cluster.Silos.Select(s => $"{s.SiloAddress.Endpoint.Address}:{s.SiloAddress.Endpoint.Port}").Order(StringComparer.Ordinal);

        Assert.Equal(silos, active.Order(StringComparer.Ordinal));
        Assert.Single(await ScalarsAsync<int>($"SELECT version FROM orleans_membership_version WHERE cluster_id = '{fixture.ClusterId}'"));
    }

    [Fact]
    public async Task RemindersStateAndMembershipSurviveAWholeClusterRestart()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid();

        var before = PostgresClusterFixture.BuildCluster(connectionString, clusterId, "restart-tests", silos: 1);
        await before.DeployAsync(Cancel);
        var grain = before.GrainFactory.GetGrain<IOutboxProbeGrain>(key);
        await grain.TransitionAsync("before restart");
        await grain.RegisterReminderAsync("wake-up");
        var firstSilo = before.Silos[0].SiloAddress;
        await before.StopAllSilosAsync(Cancel);
        await before.DisposeAsync();

        var after = PostgresClusterFixture.BuildCluster(connectionString, clusterId, "restart-tests", silos: 1);
        await after.DeployAsync(Cancel);
        try
        {
            var again = after.GrainFactory.GetGrain<IOutboxProbeGrain>(key);
            Assert.True(await again.HasReminderAsync("wake-up"));
            Assert.Equal(["before restart"], (await again.GetAsync()).Notes);
            Assert.Equal(2, await again.TransitionAsync("after restart"));

            await using var db = NpgsqlDataSource.Create(connectionString);
            var statuses = await ScalarsAsync<string>(db,
                $"SELECT port || '/' || generation || ':' || status FROM orleans_membership WHERE cluster_id = '{clusterId}' ORDER BY generation");
            Assert.Contains($"{firstSilo.Endpoint.Port}/{firstSilo.Generation}:6", statuses);
            Assert.Contains($"{after.Silos[0].SiloAddress.Endpoint.Port}/{after.Silos[0].SiloAddress.Generation}:3", statuses);
            Assert.Equal(["wake-up"], await ScalarsAsync<string>(db, "SELECT reminder_name FROM orleans_reminder WHERE service_id = 'restart-tests'"));
        }
        finally
        {
            await after.StopAllSilosAsync(Cancel);
            await after.DisposeAsync();
        }
    }

    private Task<List<T>> ScalarsAsync<T>(string sql) => ScalarsAsync<T>(fixture.Database, sql);

    private static async Task<List<T>> ScalarsAsync<T>(NpgsqlDataSource db, string sql)
    {
        var values = new List<T>();
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = fixture.Database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
