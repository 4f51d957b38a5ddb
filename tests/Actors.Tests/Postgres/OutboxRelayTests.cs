using Actors.Contracts.Outbox;
using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.Outbox;
using Actors.Persistence.Requests;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>The outbox table, its trigger and the relay, without Orleans: state rows are written as the provider writes them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxRelayTests(PostgresServer server) : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStateWriteCopiesItsOutboxOncePerEvent()
    {
        var db = await DatabaseAsync();
        await OutboxStateWriter.WriteAsync(db, "a", OutboxStateWriter.Event("a", 1));
        await OutboxStateWriter.WriteAsync(db, "a", OutboxStateWriter.Event("a", 1));
        await OutboxStateWriter.WriteAsync(db, "a", OutboxStateWriter.Event("a", 2), OutboxStateWriter.Event("a", 2, "Other"));
        await OutboxStateWriter.WriteAsync(db, "a");

        var rows = await ScalarsAsync<string>(db, "SELECT version || ':' || type FROM outbox WHERE aggregate_id = 'a' ORDER BY seq");

        Assert.Equal(["1:ProbeTransitioned", "2:ProbeTransitioned", "2:Other"], rows);
    }

    [Fact]
    public async Task EveryEventIsAppliedOnceInOrderAndOtherTypesAreSkipped()
    {
        var db = await DatabaseAsync();
        var consumer = new RecordingConsumer("ordered", "ProbeTransitioned");
        for (var version = 1; version <= 12; version++)
        {
            foreach (var aggregate in new[] { "x", "y", "z" })
            {
                await OutboxStateWriter.WriteAsync(db, aggregate, OutboxStateWriter.Event(aggregate, version), OutboxStateWriter.Event(aggregate, version, "Ignored"));
            }
        }

        var relay = Relay(db, consumer, batchSize: 5);
        await DrainAsync(relay, consumer);

        var effects = await ScalarsAsync<string>(db, "SELECT aggregate_id || ':' || version || ':' || applied FROM probe_effect ORDER BY applied_order");
        var expected = Enumerable.Range(1, 12).SelectMany(v => new[] { $"x:{v}:1", $"y:{v}:1", $"z:{v}:1" });
        Assert.Equal(expected, effects);
    }

    [Fact]
    public async Task AFailedBatchLeavesNoEffectsAndIsAppliedOnceOnRetry()
    {
        var db = await DatabaseAsync();
        var consumer = new RecordingConsumer("flaky", "ProbeTransitioned") { FailNextBatches = 2 };
        await OutboxStateWriter.WriteAsync(db, "f", OutboxStateWriter.Event("f", 1));
        await OutboxStateWriter.WriteAsync(db, "f", OutboxStateWriter.Event("f", 2));
        var relay = Relay(db, consumer);

        await Assert.ThrowsAsync<InvalidOperationException>(() => relay.ProcessBatchAsync(consumer, Cancel));
        await Assert.ThrowsAsync<InvalidOperationException>(() => relay.ProcessBatchAsync(consumer, Cancel));
        Assert.Empty(await ScalarsAsync<long>(db, "SELECT version FROM probe_effect"));
        await DrainAsync(relay, consumer);

        Assert.Equal(["f:1:1", "f:2:1"], await ScalarsAsync<string>(db, "SELECT aggregate_id || ':' || version || ':' || applied FROM probe_effect ORDER BY version"));
    }

    [Fact]
    public async Task RelaysOnSeveralSilosNeverApplyAnEventTwice()
    {
        var db = await DatabaseAsync();
        var consumer = new RecordingConsumer("contended", "ProbeTransitioned");
        var relays = Enumerable.Range(0, 3).Select(_ => Relay(db, consumer, batchSize: 7)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        // Writers and relays race: events keep committing while three relays poll the same consumer.
        var polling = relays.Select(relay => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await relay.ProcessBatchAsync(consumer, CancellationToken.None);
            }
        }, Cancel)).ToList();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var version = 1; version <= 25; version++)
            {
                await OutboxStateWriter.WriteAsync(db, $"w{writer}", OutboxStateWriter.Event($"w{writer}", version));
            }
        }, Cancel)));
        await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect") is [200], TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(polling);

        Assert.Equal([1], await ScalarsAsync<int>(db, "SELECT DISTINCT applied FROM probe_effect"));
    }

    [Fact]
    public async Task SharedRoundsApplyEachConsumerFromItsOwnCheckpointOnceInOrderAcrossSilos()
    {
        var db = await DatabaseAsync();
        var ahead = new RecordingConsumer("ahead", "ProbeTransitioned") { Lane = "shared" };
        var behind = new RecordingConsumer("behind", "ProbeTransitioned") { Lane = "shared" };
        var other = new RecordingConsumer("other-type", "Ignored") { Lane = "shared" };
        IOutboxConsumer[] consumers = [ahead, behind, other];
        for (var version = 1; version <= 4; version++)
        {
            await OutboxStateWriter.WriteAsync(db, "w0", OutboxStateWriter.Event("w0", version), OutboxStateWriter.Event("w0", version, "Ignored"));
        }

        // One consumer is ahead of the others when the rounds start (as after it ran alone for a while).
        var alone = Relay(db, ahead, batchSize: 3);
        Assert.Equal(3, await alone.ProcessBatchAsync(ahead, Cancel));

        // Three silos' relays run rounds while eight writers commit events.
        var relays = Enumerable.Range(0, 3).Select(_ => RoundRelay(db, consumers, batchSize: 7)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var polling = relays.Select(relay => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await relay.ProcessRoundAsync(consumers, probe: true, CancellationToken.None);
            }
        }, Cancel)).ToList();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var version = writer == 0 ? 5 : 1; version <= 20; version++)
            {
                await OutboxStateWriter.WriteAsync(db, $"w{writer}", OutboxStateWriter.Event($"w{writer}", version), OutboxStateWriter.Event($"w{writer}", version, "Ignored"));
            }
        }, Cancel)));
        await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect") is [480], TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(polling);

        Assert.Equal([1], await ScalarsAsync<int>(db, "SELECT DISTINCT applied FROM probe_effect"));
        foreach (var consumer in consumers)
        {
            // Each writer's events reached each consumer in version order.
            Assert.Equal([0L], await ScalarsAsync<long>(db, $"""
                SELECT count(*) FROM (
                  SELECT version < lag(version) OVER (PARTITION BY aggregate_id ORDER BY applied_order) AS backwards
                  FROM probe_effect WHERE consumer = '{consumer.Name}') AS o
                WHERE backwards
                """));
            Assert.Equal([160L], await ScalarsAsync<long>(db, $"SELECT count(*) FROM probe_effect WHERE consumer = '{consumer.Name}'"));
        }
    }

    [Fact]
    public async Task AConsumerThatFailsInARoundRollsTheRoundBackThenIsAppliedOnceAlone()
    {
        var db = await DatabaseAsync();
        var steady = new RecordingConsumer("steady", "ProbeTransitioned") { Lane = "shared" };
        var flaky = new RecordingConsumer("flaky-in-round", "ProbeTransitioned") { Lane = "shared", FailNextBatches = 1 };
        await OutboxStateWriter.WriteAsync(db, "r", OutboxStateWriter.Event("r", 1));
        await OutboxStateWriter.WriteAsync(db, "r", OutboxStateWriter.Event("r", 2));
        var relay = RoundRelay(db, [steady, flaky], batchSize: 100);

        var failed = await Assert.ThrowsAsync<OutboxConsumerException>(() => relay.ProcessRoundAsync([steady, flaky], probe: true, Cancel));
        Assert.Equal("flaky-in-round", failed.Consumer);
        Assert.Empty(await ScalarsAsync<long>(db, "SELECT version FROM probe_effect"));

        Assert.Equal(2, (await relay.ProcessRoundAsync([steady], probe: true, Cancel)).Rows);
        await DrainAsync(relay, flaky);
        Assert.Equal(OutboxRound.Idle, await relay.ProcessRoundAsync([steady, flaky], probe: true, Cancel));

        Assert.Equal(["flaky-in-round:1:1", "flaky-in-round:2:1", "steady:1:1", "steady:2:1"], await ScalarsAsync<string>(db,
            "SELECT consumer || ':' || version || ':' || applied FROM probe_effect ORDER BY consumer, version"));
    }

    [Fact]
    public async Task TheRunningRelayRetriesAFailingConsumerAloneWhileTheOthersOfItsLaneGoOn()
    {
        var db = await DatabaseAsync();
        var steady = new RecordingConsumer("steady-hosted", "ProbeTransitioned") { Lane = "hosted" };
        var flaky = new RecordingConsumer("flaky-hosted", "ProbeTransitioned") { Lane = "hosted", FailNextBatches = 1_000 };
        var relay = new OutboxRelay(db, [steady, flaky], [], Options.Create(new OutboxRelayOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(300),
        }), NullLogger<OutboxRelay>.Instance);
        await relay.StartAsync(Cancel);
        try
        {
            // The flaky one fails in the first round, then again and again alone: the steady one gets every event meanwhile.
            await OutboxStateWriter.WriteAsync(db, "h", OutboxStateWriter.Event("h", 1));
            await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect WHERE consumer = 'steady-hosted'") is [1],
                TimeSpan.FromSeconds(30));
            await OutboxStateWriter.WriteAsync(db, "h", OutboxStateWriter.Event("h", 2));
            await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect WHERE consumer = 'steady-hosted'") is [2],
                TimeSpan.FromSeconds(30));
            Assert.Empty(await ScalarsAsync<long>(db, "SELECT version FROM probe_effect WHERE consumer = 'flaky-hosted'"));
            Assert.True(flaky.FailNextBatches < 1_000);

            flaky.FailNextBatches = 0;
            await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect") is [4], TimeSpan.FromSeconds(30));

            // Back in the rounds after its success: the next event reaches both.
            await OutboxStateWriter.WriteAsync(db, "h", OutboxStateWriter.Event("h", 3));
            await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect") is [6], TimeSpan.FromSeconds(30));
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }

        Assert.Equal([1], await ScalarsAsync<int>(db, "SELECT DISTINCT applied FROM probe_effect"));
        Assert.Equal(0, flaky.FailNextBatches);
    }

    [Fact]
    public async Task AConsumerMoreThanABatchBehindItsLaneRunsAloneUntilItCatchesUp()
    {
        var db = await DatabaseAsync();
        var ahead = new RecordingConsumer("lane-ahead", "ProbeTransitioned") { Lane = "catching-up" };
        var behind = new RecordingConsumer("lane-behind", "ProbeTransitioned") { Lane = "catching-up" };
        for (var version = 1; version <= 30; version++)
        {
            await OutboxStateWriter.WriteAsync(db, "c", OutboxStateWriter.Event("c", version));
        }

        var relay = new OutboxRelay(db, [ahead, behind], [], Options.Create(new OutboxRelayOptions
        {
            BatchSize = 10,
            PollInterval = TimeSpan.FromMilliseconds(20),
        }), NullLogger<OutboxRelay>.Instance);
        await DrainAsync(relay, ahead);

        // The round reads a full batch from the lowest checkpoint; the one ahead is beyond all of it.
        var round = await relay.ProcessRoundAsync([ahead, behind], probe: true, Cancel);
        Assert.Equal(new[] { "lane-behind" }, round.Behind);
        Assert.Equal([10L], await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect WHERE consumer = 'lane-behind'"));

        await relay.StartAsync(Cancel);
        try
        {
            await OutboxStateWriter.WriteAsync(db, "c", OutboxStateWriter.Event("c", 31));
            await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect") is [62], TimeSpan.FromSeconds(30));
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }

        Assert.Equal([1], await ScalarsAsync<int>(db, "SELECT DISTINCT applied FROM probe_effect"));
    }

    [Fact]
    public async Task ARoundMovesEveryConsumerOfItsLaneInOneTransaction()
    {
        var db = await DatabaseAsync();
        IOutboxConsumer[] lane =
        [
            new RecordingConsumer("one-round-a", "ProbeTransitioned") { Lane = "one-round" },
            new RecordingConsumer("one-round-b", "ProbeTransitioned") { Lane = "one-round" },
            new RecordingConsumer("one-round-c", "Ignored") { Lane = "one-round" },
        ];
        for (var version = 1; version <= 5; version++)
        {
            await OutboxStateWriter.WriteAsync(db, "o", OutboxStateWriter.Event("o", version));
        }

        var round = await RoundRelay(db, lane, batchSize: 100).ProcessRoundAsync(lane, probe: true, Cancel);

        Assert.Equal(5, round.Rows);
        Assert.Empty(round.Behind);
        Assert.Equal([10L], await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect"));
        // The three checkpoints (the one that handles none of the events included) moved in the one transaction.
        Assert.Equal(["1:3"], await ScalarsAsync<string>(db, """
            SELECT count(DISTINCT xmin::text) || ':' || count(*) FROM outbox_checkpoint
            WHERE consumer LIKE 'one-round-%' AND last_seq = (SELECT max(seq) FROM outbox)
            """));
    }

    [Fact]
    public async Task A_wake_brings_the_next_round_forward_from_the_poll_to_the_wake_spacing()
    {
        var db = await DatabaseAsync();
        IOutboxConsumer[] consumers =
        [
            new RecordingConsumer("woken-a", "ProbeTransitioned") { Lane = "woken" },
            new RecordingConsumer("woken-b", "ProbeTransitioned") { Lane = "woken" },
            new RecordingConsumer("woken-alone", "ProbeTransitioned"),
        ];
        var relay = new OutboxRelay(db, consumers, [], Options.Create(new OutboxRelayOptions
        {
            PollInterval = TimeSpan.FromSeconds(30),
            WakeSpacing = TimeSpan.FromMilliseconds(20),
        }), NullLogger<OutboxRelay>.Instance);
        await OutboxStateWriter.WriteAsync(db, "k", OutboxStateWriter.Event("k", 1));
        await relay.StartAsync(Cancel);
        try
        {
            // The first rounds, at start, take the first event; the loops then wait for their 30-s poll.
            await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect") is [3], TimeSpan.FromSeconds(20));

            await OutboxStateWriter.WriteAsync(db, "k", OutboxStateWriter.Event("k", 2));
            relay.Wake();

            await Eventually.Async(async () => await ScalarsAsync<long>(db, "SELECT count(*) FROM probe_effect") is [6], TimeSpan.FromSeconds(10));
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AnEventThatCommitsLateIsNeitherSkippedNorReordered()
    {
        var db = await DatabaseAsync();
        var consumer = new RecordingConsumer("late", "ProbeTransitioned");
        var relay = Relay(db, consumer);

        // "early" draws its seq first but commits last; "later" commits first with a higher seq.
        await using var slow = await db.OpenConnectionAsync(Cancel);
        await using var transaction = await slow.BeginTransactionAsync(Cancel);
        await OutboxStateWriter.WriteAsync(slow, transaction, "early", OutboxStateWriter.Event("early", 1));
        await OutboxStateWriter.WriteAsync(db, "later", OutboxStateWriter.Event("later", 1));

        Assert.Equal(0, await relay.ProcessBatchAsync(consumer, Cancel));
        await transaction.CommitAsync(Cancel);
        await DrainAsync(relay, consumer);

        Assert.Equal(["early", "later"], await ScalarsAsync<string>(db, "SELECT aggregate_id FROM probe_effect ORDER BY applied_order"));
    }

    [Fact]
    public async Task A_round_without_the_probe_reads_at_once_and_one_that_finds_nothing_takes_no_transaction_id()
    {
        var db = await DatabaseAsync();
        var consumer = new RecordingConsumer("unprobed", "ProbeTransitioned");
        var relay = Relay(db, consumer);
        await OutboxStateWriter.WriteAsync(db, "u", OutboxStateWriter.Event("u", 1), OutboxStateWriter.Event("u", 2));
        Assert.Equal(2, await relay.ProcessBatchAsync(consumer, probe: false, Cancel));

        // Nothing new: no row is locked, so no transaction id is drawn (the next one to be drawn stays the same).
        var next = await ScalarsAsync<string>(db, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text");
        Assert.Equal(0, await relay.ProcessBatchAsync(consumer, probe: false, Cancel));
        Assert.Equal(next, await ScalarsAsync<string>(db, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text"));

        // A transaction still running holds back what comes after it, with or without the probe.
        await using var slow = await db.OpenConnectionAsync(Cancel);
        await using var transaction = await slow.BeginTransactionAsync(Cancel);
        await OutboxStateWriter.WriteAsync(slow, transaction, "u-early", OutboxStateWriter.Event("u-early", 1));
        await OutboxStateWriter.WriteAsync(db, "u-later", OutboxStateWriter.Event("u-later", 1));
        Assert.Equal(0, await relay.ProcessBatchAsync(consumer, probe: false, Cancel));
        await transaction.CommitAsync(Cancel);
        Assert.Equal(2, await relay.ProcessBatchAsync(consumer, probe: false, Cancel));
        Assert.Equal(["u:1", "u:2", "u-early:1", "u-later:1"], await ScalarsAsync<string>(db, "SELECT aggregate_id || ':' || version FROM probe_effect ORDER BY applied_order"));
    }

    [Fact]
    public async Task ObserversHearOfCommittedBatches()
    {
        var db = await DatabaseAsync();
        var consumer = new RecordingConsumer("observed", "ProbeTransitioned");
        var observer = new ListObserver();
        var relay = new OutboxRelay(db, [consumer], [observer], Options.Create(new OutboxRelayOptions()), NullLogger<OutboxRelay>.Instance);
        await OutboxStateWriter.WriteAsync(db, "o", OutboxStateWriter.Event("o", 1));

        await DrainAsync(relay, consumer);

        var heard = Assert.Single(observer.Heard);
        Assert.Equal("observed", heard.Consumer);
        Assert.Equal(1, Assert.Single(heard.Events).Version);
    }

    [Fact]
    public async Task DuplicateAndReplayedEventsDoNotChangeTheRequestIndex()
    {
        var db = await DatabaseAsync();
        var consumer = new RequestIndexConsumer();
        var relay = Relay(db, consumer);
        var index = new PostgresRequestIndex(db);
        var id = Guid.NewGuid();
        var entry = new RequestIndexEntry(id, "REF-1", RequestKind.NationalIdCard, RequestStatus.Submitted, "C-01", "TUNIS",
            "owner-" + id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1, false);
        OutboxEvent Changed(RequestIndexEntry e) => new(AggregateTypes.CitizenRequest, id.ToString("D"), e.Version,
            OutboxEventTypes.CitizenRequestChanged, OutboxJson.Serialize(e), e.UpdatedAt);
        var v2 = entry with { Version = 2, Status = RequestStatus.Verifying };
        var v3 = entry with { Version = 3, Status = RequestStatus.AwaitingPayment };

        await OutboxStateWriter.WriteAsync(db, id.ToString(), Changed(entry));
        await OutboxStateWriter.WriteAsync(db, id.ToString(), Changed(v2));
        await OutboxStateWriter.WriteAsync(db, id.ToString(), Changed(v3));
        await OutboxStateWriter.WriteAsync(db, id.ToString(), Changed(v3));
        await DrainAsync(relay, consumer);
        var applied = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(OwnerSubject: entry.OwnerSubject), RequestOrder.Default, First: 10), Cancel);
        await ExecuteAsync(db, $"UPDATE outbox_checkpoint SET last_tx = '0', last_seq = 0 WHERE consumer = '{consumer.Name}'");
        await DrainAsync(relay, consumer);
        var replayed = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(OwnerSubject: entry.OwnerSubject), RequestOrder.Default, First: 10), Cancel);

        Assert.Equal([v3], applied.Items);
        Assert.Equal([v3], replayed.Items);
    }

    [Fact]
    public async Task TheIndexIsDatedByItsCheckpointWhileEventsWait()
    {
        var db = await DatabaseAsync();
        var consumer = new RequestIndexConsumer();
        var relay = Relay(db, consumer);
        var index = new PostgresRequestIndex(db);
        var query = new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), RequestOrder.Default, First: 1);
        await OutboxStateWriter.WriteAsync(db, "other", OutboxStateWriter.Event("other", 1));
        await DrainAsync(relay, consumer);
        var checkpoint = (await ScalarsAsync<DateTimeOffset>(db, $"SELECT updated_at FROM outbox_checkpoint WHERE consumer = '{consumer.Name}'"))[0];

        var caughtUp = await index.QueryAsync(query, Cancel);
        await OutboxStateWriter.WriteAsync(db, "other", OutboxStateWriter.Event("other", 2));
        var behind = await index.QueryAsync(query, Cancel);

        Assert.True(caughtUp.AsOf >= checkpoint);
        Assert.Equal(checkpoint, behind.AsOf);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }

    private async Task<NpgsqlDataSource> DatabaseAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _dataSources.Add(dataSource);
        await ExecuteAsync(dataSource, RecordingConsumer.CreateTableSql);
        return dataSource;
    }

    private static OutboxRelay Relay(NpgsqlDataSource db, IOutboxConsumer consumer, int batchSize = 100) =>
        new(db, [consumer], [], Options.Create(new OutboxRelayOptions { BatchSize = batchSize }), NullLogger<OutboxRelay>.Instance);

    private static OutboxRelay RoundRelay(NpgsqlDataSource db, IOutboxConsumer[] consumers, int batchSize) =>
        new(db, consumers, [], Options.Create(new OutboxRelayOptions { BatchSize = batchSize }), NullLogger<OutboxRelay>.Instance);

    private static async Task DrainAsync(OutboxRelay relay, IOutboxConsumer consumer)
    {
        while (await relay.ProcessBatchAsync(consumer, Cancel) > 0)
        {
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancel);
    }

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

    private sealed class ListObserver : IOutboxObserver
    {
        public List<(string Consumer, IReadOnlyList<OutboxEvent> Events)> Heard { get; } = [];

        public Task OnAppliedAsync(string consumer, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
        {
            Heard.Add((consumer, events));
            return Task.CompletedTask;
        }
    }
}
