using System.Globalization;
using System.Text;
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

    // Measured on 2026-12-01 (docs/benchmarks.md, "Write path levers"), with a hundredth of room for rounding. The
    // stream pub-sub grain of each request still costs a third of a state write and two thirds of a state read per
    // transition (one row per request): lever 2, to be brought to zero.
    private const double PubSubWritesPerTransition = 1.0 / 3;
    private const double StateReadsPerTransition = 2.0 / 3;
    private const double PubSubRowsPerRequest = 1.0;

    // Write transactions other than the relay's batches (whose number depends on how the events fall into batches):
    // the transition 1, its pub-sub 1/3, the audit trail's group commits (0.79 measured), the clock's reminder 1/3,
    // membership heartbeats.
    private const double OtherWriteTransactionsPerTransition = 2.8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATransitionCostsOneStateWriteAndAtMostOneReminderWritePerRequest()
    {
        await using var server = await ThrowawayPostgres.StartAsync(durable: false,
            moreSettings: ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "pg_stat_statements.max=1000"]);
        await server.ExecuteAdminAsync("CREATE DATABASE actors");
        var logs = Directory.CreateTempSubdirectory("actors-writepath-").FullName;
        var passed = false;
        var cluster = new ClusterProcesses(server.ConnectionFor("actors"), logs);
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

            // Warm-up: the center's and the calendar's grains active, the hosts' statements prepared.
            var warmup = new RequestWorkload(api, "TN11-GU1", agent, citizens, "warmup") { MaxAttempts = 3 };
            await warmup.RunAsync(Concurrency, n => n < Concurrency, Cancel);
            await SettleAsync(db);
            await ExecuteAsync(db, "SELECT pg_stat_statements_reset()");
            var xidsBefore = await XidsAsync(db);

            var workload = new RequestWorkload(api, "TN11-GU1", agent, citizens, "structure") { MaxAttempts = 3 };
            await workload.RunAsync(Concurrency, n => n < Requests, Cancel);
            await SettleAsync(db);
            var xids = await XidsAsync(db) - xidsBefore;

            var transitions = workload.Acknowledged;
            Assert.Equal(Requests * (1 + RequestWorkload.Transitions.Count), transitions);
            Assert.Equal(0, workload.FailedCalls);

            var counts = await StatementCountsAsync(db);
            double Per(string kind) => counts.GetValueOrDefault(kind) / (double)transitions;
            var pubSubRows = await LongAsync(db, "SELECT count(*) FROM orleans_storage WHERE grain_type LIKE '%PubSub%'");
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"{transitions} transitions; write transactions (xids) per transition {xids / (double)transitions:F2}; pub-sub rows {pubSubRows}");
            foreach (var (kind, calls) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {kind}: {calls} ({calls / (double)transitions:F2} per transition)");
            }

            TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());

            // The transition itself: one state write (its outbox rows by the trigger, in the same statement).
            Assert.InRange(Per("state write"), 1.0, 1.0 + PubSubWritesPerTransition + 0.01);
            Assert.Equal(1.0, Per("outbox insert"), 2);

            // Reminders: at most one write per request (its clock's first due date), none for the steps that follow.
            Assert.InRange(Per("reminder write"), 0, 1.0 / 3 + 0.01);
            Assert.InRange(Per("reminder delete"), 0, 0.01);

            // What the relay's consumers write (read models) rides on their batches.
            Assert.InRange((xids - counts.GetValueOrDefault("relay batch")) / (double)transitions, 1.0, OtherWriteTransactionsPerTransition);
            Assert.InRange(Per("state read"), 0, StateReadsPerTransition + 0.01);
            Assert.InRange(pubSubRows, 0, PubSubRowsPerRequest * (Requests + Concurrency));
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
