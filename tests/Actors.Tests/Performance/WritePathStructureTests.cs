using System.Globalization;
using System.Text;
using Actors.Contracts.Naming;
using Actors.Tests.Api;
using Npgsql;

namespace Actors.Tests.Performance;

/// <summary>
/// What one persisted transition costs PostgreSQL, counted, not timed (issue 15): a real silo process and the API
/// process (cluster mode, as the benchmark runs them) on a throwaway server with pg_stat_statements; ID card requests
/// driven over HTTP GraphQL through a submission and two steps. Counted once the relay has delivered everything:
/// write transactions (transaction ids), grain state writes and reads, reminder writes, the outbox, and the stream
/// pub-sub rows. Bounds are tight on purpose: a change that adds a write or a read to the path fails here.
/// </summary>
public sealed class WritePathStructureTests
{
    private const int Requests = 24;
    private const int Concurrency = 4;

    // Live updates travel on a fixed set of shared streams (docs/benchmarks.md, "Live updates on shared streams"): each
    // has one persisted pub-sub row, written when a pulling agent first produces on it and read when its rendezvous
    // grain activates, so whatever the number of requests or transitions, at most this many pub-sub writes, reads and
    // rows. (Before: one row per request, one write and one read per request, a third of each per transition here.)
    private const int PubSubStreams = StreamNames.RequestStatusPartitions;

    // Write transactions other than the relay's batches (whose number depends on how the events fall into batches):
    // the transition (1, fewer when its state write is grouped with others), the audit trail's group commits (0.79
    // measured), the clock's reminder 1/3, membership heartbeats, the few pub-sub writes above.
    private const double OtherWriteTransactionsPerTransition = 2.8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// The default storage (<c>PostgresGrainStorage</c>, group commit): one state write statement per transition carrying
    /// its outbox rows (migration 0016; the trigger copies none), at most one reminder write per request, the relay's
    /// read models complete, and no more write transactions than those of the transitions besides the relay's (grouped,
    /// so fewer than one each; the audit's and the reminders' included).
    /// </summary>
    [Fact]
    public Task ATransitionCostsOneStateWriteAndAtMostOneReminderWritePerRequest() => OnClusterAsync(async (_, db, api, agent, citizens) =>
    {
        var (workload, transitions, xids, counts) = await MeasureWorkloadAsync(db, new RequestWorkload(api, "TN11-GU1", agent, citizens, "structure") { MaxAttempts = 3 });
        Assert.Equal(0, counts.GetValueOrDefault("outbox insert"));

        // Reminders: at most one write per request (its clock's first due date), none for the steps that follow.
        Assert.InRange(counts.GetValueOrDefault("reminder write") / (double)transitions, 0, 1.0 / 3 + 0.01);
        Assert.Equal(0, counts.GetValueOrDefault("reminder delete"));

        // What the relay's consumers write (read models) rides on their batches.
        Assert.InRange((xids - counts.GetValueOrDefault("relay batch")) / (double)transitions, 0.3, OtherWriteTransactionsPerTransition);

        // State reads: each new request grain's activation (its row is not there yet), then the request grains stay
        // active; besides those only the shared streams' rendezvous grains activating.
        Assert.InRange(counts.GetValueOrDefault("state read"), 0, Requests + PubSubStreams);
        Assert.InRange(await PubSubRowsAsync(db), 0, PubSubStreams);
        await AssertIndexedAtAcknowledgedVersionsAsync(db, workload);
    });

    /// <summary>
    /// The same path through Orleans' ADO.NET provider (<c>GrainStorage:GroupCommit=false</c>): the events inside the
    /// state's JSON, copied by the trigger once per transition; one write transaction per transition at least.
    /// </summary>
    [Fact]
    public Task Through_the_AdoNet_provider_the_trigger_copies_each_transitions_events_once() => OnClusterAsync(
        async (_, db, api, agent, citizens) =>
        {
            var (workload, transitions, xids, counts) = await MeasureWorkloadAsync(db, new RequestWorkload(api, "TN11-GU1", agent, citizens, "ado-net") { MaxAttempts = 3 });
            Assert.Equal(transitions, counts.GetValueOrDefault("outbox insert"));
            Assert.InRange((xids - counts.GetValueOrDefault("relay batch")) / (double)transitions, 1.0, OtherWriteTransactionsPerTransition);
            await AssertIndexedAtAcknowledgedVersionsAsync(db, workload);
        },
        new Dictionary<string, string>(StringComparer.Ordinal) { ["GrainStorage__GroupCommit"] = "false" });

    /// <summary>The request index (fed by the relay from the outbox) holds each request at the version its last acknowledged step returned.</summary>
    private static async Task AssertIndexedAtAcknowledgedVersionsAsync(NpgsqlDataSource db, RequestWorkload workload)
    {
        var acknowledged = workload.Cases.ToDictionary(c => c.Reference!, c => c.AcknowledgedVersion, StringComparer.Ordinal);
        await using var indexed = db.CreateCommand("SELECT reference, version FROM request_index WHERE reference = ANY($1)");
        indexed.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. acknowledged.Keys] });
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await indexed.ExecuteReaderAsync(Cancel))
        {
            while (await reader.ReadAsync(Cancel))
            {
                versions[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        Assert.Equal(acknowledged.OrderBy(a => a.Key, StringComparer.Ordinal), versions.OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    /// <summary>
    /// Live subscribers on two requests of one shared stream while many other requests move: each gets exactly its own
    /// steps, and the pub-sub storage holds no more rows than the shared streams (plus, for one release, the previous
    /// release's stream of each subscribed request), however many requests moved; no pub-sub write per transition.
    /// </summary>
    [Fact]
    public Task LiveSubscribersCostNoWritePerTransitionAndPubSubRowsStayFew() => OnClusterAsync(async (cluster, db, api, agent, citizens) =>
    {
        const int many = 40;
        var steps = new LiveRequestSteps((query, variables, token) => api.PostAsync(query, variables, token, Cancel), "TN11-GU1", citizens[0], agent);
        var (first, second) = await steps.TwoInOnePartitionAsync("live-structure");
        await using var one = await RequestStatusListener.StartAsync(cluster.ApiBase, citizens[0], first);
        await using var two = await RequestStatusListener.StartAsync(cluster.ApiBase, citizens[0], second);
        await steps.UntilLiveAsync(one);
        await steps.UntilLiveAsync(two);
        await SettleAsync(db);
        await ExecuteAsync(db, "SELECT pg_stat_statements_reset()");

        // Many requests (more than the shared streams, so that a row per request would show) move while the two
        // subscribed ones take their steps.
        var workload = new RequestWorkload(api, "TN11-GU1", agent, citizens, "live-structure-load") { MaxAttempts = 3 };
        var load = workload.RunAsync(Concurrency, n => n < many, Cancel);
        var expected = new List<(string Status, long Version)>[] { [], [] };
        foreach (var (mutation, status) in LiveRequestSteps.Measured)
        {
            expected[0].Add((status, await steps.StepAsync(mutation, first)));
            expected[1].Add((status, await steps.StepAsync(mutation, second)));
        }

        await load;
        await SettleAsync(db);
        Assert.Equal(0, workload.FailedCalls);
        Assert.True(workload.Cases.Any(c => LiveRequestSteps.Partition(c.Id!) != LiveRequestSteps.Partition(first)), "the load covered other streams");

        foreach (var (listener, own) in new[] { (one, expected[0]), (two, expected[1]) })
        {
            foreach (var step in own)
            {
                Assert.Equal(step, await listener.NextChangeAsync(TimeSpan.FromSeconds(30)));
            }

            Assert.Null(await listener.NextAsync(TimeSpan.FromSeconds(1)));
        }

        var transitions = workload.Acknowledged + (2 * LiveRequestSteps.Measured.Count);
        var counts = await ReportAsync(db, transitions, xids: null);
        var rows = await PubSubRowsAsync(db);
        Assert.InRange(counts.GetValueOrDefault("state write"), transitions, transitions + PubSubStreams);
        Assert.InRange(counts.GetValueOrDefault("state read"), 0, many + PubSubStreams);
        Assert.InRange(rows, 1, PubSubStreams + 2);
        Assert.True(rows < many, $"{rows} pub-sub rows after {many} requests moved");
    });

    /// <summary>
    /// A throwaway PostgreSQL with pg_stat_statements, one silo process and the API process, demo data, four citizens and
    /// an agent of TN11-GU1, and a warm-up (the center's and the calendar's grains active, the hosts' statements
    /// prepared) settled before the body runs. The processes' logs are kept when the body fails.
    /// </summary>
    private static async Task OnClusterAsync(
        Func<ClusterProcesses, NpgsqlDataSource, GraphQLHttpClient, string, List<string>, Task> body,
        IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        await using var server = await ThrowawayPostgres.StartAsync(durable: false,
            moreSettings: ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "pg_stat_statements.max=1000"]);
        await server.ExecuteAdminAsync("CREATE DATABASE actors");
        var logs = Directory.CreateTempSubdirectory("actors-writepath-").FullName;
        var passed = false;
        var cluster = new ClusterProcesses(server.ConnectionFor("actors"), logs);

        // Every client here is 127.0.0.1: the per-address limits (issue 13) would count the test, not the path.
        cluster.ApiSettings["RateLimits__PerAddress"] = "100000000";
        cluster.ApiSettings["RateLimits__PerIdentity"] = "100000000";
        foreach (var (key, value) in siloSettings ?? new Dictionary<string, string>())
        {
            cluster.SiloSettings[key] = value;
        }

        try
        {
            await cluster.MigrateAsync(Cancel);
            await cluster.StartSilosAsync(1, Cancel);
            await cluster.StartApiAsync(seedDemo: true, Cancel);
            await using var db = NpgsqlDataSource.Create(server.ConnectionFor("actors", maxPoolSize: 2));
            await ExecuteAsync(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

            using var api = new GraphQLHttpClient(cluster.ApiBase, TimeSpan.FromSeconds(60));
            var agent = await api.TokenAsync("AGENT", "agent-writepath", "TN11-GU1", cancellationToken: Cancel);
            var citizens = new List<string>();
            for (var i = 0; i < Concurrency; i++)
            {
                citizens.Add(await api.TokenAsync("CITIZEN", $"cit-writepath-{i.ToString(CultureInfo.InvariantCulture)}", nationalIdNumber: "01234567", cancellationToken: Cancel));
            }

            var warmup = new RequestWorkload(api, "TN11-GU1", agent, citizens, "warmup") { MaxAttempts = 3 };
            await warmup.RunAsync(Concurrency, n => n < Concurrency, Cancel);
            await SettleAsync(db);
            await body(cluster, db, api, agent, citizens);
            passed = true;
        }
        finally
        {
            if (!passed)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"Process logs kept in {logs}\n{cluster.Tails()}");
            }

            await cluster.DisposeAsync();
            if (passed)
            {
                Directory.Delete(logs, recursive: true);
            }
        }
    }

    /// <summary>
    /// The workload's <see cref="Requests"/> requests through their steps from freshly reset statement counts, once the
    /// relay has delivered everything: every step acknowledged once and none failed, then one state write (its outbox
    /// rows in the same statement) per transition and the outbox rows of each transition, plus at most one pub-sub write
    /// per shared stream over the whole run. Returns the counts for the caller's own bounds.
    /// </summary>
    private static async Task<(RequestWorkload Workload, int Transitions, long Xids, Dictionary<string, long> Counts)> MeasureWorkloadAsync(
        NpgsqlDataSource db, RequestWorkload workload)
    {
        await ExecuteAsync(db, "SELECT pg_stat_statements_reset()");
        var xidsBefore = await XidsAsync(db);
        var lastSeq = await LongAsync(db, "SELECT coalesce(max(seq), 0) FROM outbox");
        await workload.RunAsync(Concurrency, n => n < Requests, Cancel);
        await SettleAsync(db);
        var xids = await XidsAsync(db) - xidsBefore;

        var transitions = workload.Acknowledged;
        Assert.Equal(Requests * (1 + RequestWorkload.Transitions.Count), transitions);
        Assert.Equal(0, workload.FailedCalls);

        var counts = await ReportAsync(db, transitions, xids);
        Assert.InRange(counts.GetValueOrDefault("state write"), transitions, transitions + PubSubStreams);
        Assert.Equal(transitions, await LongAsync(db, $"SELECT count(DISTINCT (aggregate_id, version)) FROM outbox WHERE seq > {lastSeq}"));
        return (workload, transitions, xids, counts);
    }

    /// <summary>Counts the statements since the last reset, writes them to the test's output, and returns them.</summary>
    private static async Task<Dictionary<string, long>> ReportAsync(NpgsqlDataSource db, int transitions, long? xids)
    {
        var counts = await StatementCountsAsync(db);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{transitions} transitions; pub-sub rows {await PubSubRowsAsync(db)}");
        if (xids is { } transactions)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"write transactions (xids) per transition {transactions / (double)transitions:F2}");
        }

        foreach (var (kind, calls) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {kind}: {calls} ({calls / (double)transitions:F2} per transition)");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        return counts;
    }

    private static Task<long> PubSubRowsAsync(NpgsqlDataSource db) =>
        LongAsync(db, "SELECT count(*) FROM orleans_storage WHERE grain_type LIKE '%PubSub%'");

    /// <summary>Waits until every consumer of the relay has passed the last outbox row, then lets reminders tick.</summary>
    private static async Task SettleAsync(NpgsqlDataSource db)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        // Caught up means no row beyond the checkpoint in the relay's order, (tx_id, seq): the last row delivered need not
        // hold the highest seq (a transaction that drew its seq first can commit last), so "last_seq = max(seq)" may never come.
        while (await LongAsync(db, """
                   SELECT count(*) FROM outbox_checkpoint AS c
                   WHERE EXISTS (SELECT 1 FROM outbox AS o WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq))
                   """) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the relay did not catch up in 180 s");
            await Task.Delay(200, Cancel);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
    }

    /// <summary>Calls per kind of statement in this database since the last reset, grouped by what the statement does.</summary>
    private static async Task<Dictionary<string, long>> StatementCountsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            SELECT kind, sum(calls)::bigint FROM (
              SELECT calls, CASE
                WHEN query LIKE 'WITH updated AS%UPDATE orleans_storage%' THEN 'state write'
                WHEN query LIKE 'SELECT payload AS "PayloadBinary"%' THEN 'state read'
                WHEN query LIKE 'INSERT INTO orleans_reminder%' THEN 'reminder write'
                WHEN query LIKE 'DELETE FROM orleans_reminder%' THEN 'reminder delete'
                WHEN query LIKE 'SELECT%FROM orleans_reminder%' THEN 'reminder read'
                WHEN query LIKE 'INSERT INTO outbox %' THEN 'outbox insert'
                WHEN query LIKE 'INSERT INTO request_index%' THEN 'request index upsert'
                WHEN query LIKE 'INSERT INTO audit_entries%' THEN 'audit insert'
                WHEN query LIKE 'UPDATE outbox_checkpoint%' THEN 'relay batch'
                ELSE 'other' END AS kind
              FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())) AS s
            GROUP BY kind
            """);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Cancel))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    // Transaction ids are server-wide; this server serves this test alone.
    private static Task<long> XidsAsync(NpgsqlDataSource db) => LongAsync(db, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");

    private static async Task<long> LongAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
