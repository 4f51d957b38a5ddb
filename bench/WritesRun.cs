using System.Diagnostics;
using System.Globalization;
using System.Text;
using Actors.TestSupport;
using Npgsql;

namespace Actors.Bench;

/// <summary>
/// <c>--writes</c> (issue 15, target 1). One run, one durable PostgreSQL (fsync and synchronous_commit on, as PostgreSQL ships):
///   1. pgbench -i -s K, then pgbench -N -c N -T S: the database's own simple-update TPS at this concurrency;
///   2. one silo process + the API process (cluster mode) on the same server; N clients submit ID card requests and an
///      agent moves each through two transitions over HTTP GraphQL for S seconds, after a warm-up of W seconds and at
///      least <see cref="MinimumWarmUpTransitions"/> transitions (at most <see cref="LongestWarmUp"/>);
///   3. with the same N clients, bookings of free slots: 20 × N paid requests at one hot center, then as many spread over
///      every demo center that takes card requests (the requests are prepared first, only the bookings are measured).
/// After (2), pgbench -N runs again: the machine's speed drifts within minutes, so the throughput ratio is taken against
/// the mean of the two runs that bracket the API's (both printed).
/// Prints a markdown table: persisted transitions/s and their ratio to that mean, latency, commits per transition, the CPU
/// split between the load generator, the hosts and PostgreSQL, the total CPU per transition against the CPU of one
/// pgbench transaction measured the same way (pgbench and PostgreSQL), and bytes stored per request.
/// </summary>
public static class WritesRun
{
    /// <summary>
    /// Transitions the hosts take before the measure, whatever --warmup says: the runtime compiles a transition's code
    /// to its final tier over the first few thousand, and a measure begun after 3 s counted that compilation and a cold
    /// PostgreSQL as per-transition cost (CPU per transition 4.6 ms after 3 s, 1.8–2.1 ms after 20–30 s, the same build:
    /// docs/benchmarks.md, session 38). The target is a running service's cost, so the measure starts once it runs.
    /// </summary>
    public const int MinimumWarmUpTransitions = 10_000;

    /// <summary>The warm-up's bound on a machine too slow to reach <see cref="MinimumWarmUpTransitions"/>.</summary>
    public static readonly TimeSpan LongestWarmUp = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"Actors benchmark: {options.Clients} clients, {options.Seconds} s (warm-up {options.Warmup} s), pgbench scale {options.Scale}");

        await using var server = await BenchCluster.StartServerAsync(options.Statements);
        var postmaster = server.PostmasterPid() ?? throw new InvalidOperationException("No postmaster.pid: cannot measure PostgreSQL's CPU.");
        await using var admin = NpgsqlDataSource.Create(server.ConnectionFor("postgres", maxPoolSize: 4));
        var settings = await ScalarAsync(admin, "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_connections')");
        var version = await ScalarAsync(admin, "SHOW server_version");
        Console.WriteLine($"PostgreSQL {version} on 127.0.0.1:{server.Port}: {settings}");

        // 1. pgbench -N.
        await server.ExecuteAdminAsync("CREATE DATABASE pgbench");
        await PgBench.InitializeAsync(server, "pgbench", options.Scale);
        var pgBefore = await ProcessCpu.TreeSecondsOnceSettledAsync(postmaster); // pgbench -i's backend counted before the run
        var pgbenchCounters = await DatabaseCounters.ReadAsync(admin, "pgbench");
        var pgbenchClock = Stopwatch.StartNew();
        var pgbenchMachineBefore = MachineCpu.Now();
        var (tps, pgbenchCpu, pgbenchOutput) = await PgBench.RunAsync(server, "pgbench", options.Clients, options.Seconds);
        var pgbenchElapsed = pgbenchClock.Elapsed.TotalSeconds;
        var pgbenchMachine = MachineCpu.Now() - pgbenchMachineBefore;
        var pgbenchServerCpu = await ProcessCpu.TreeSecondsOnceSettledAsync(postmaster) - pgBefore;
        var pgbenchDelta = await DatabaseCounters.ReadAsync(admin, "pgbench") - pgbenchCounters;
        Console.WriteLine($"pgbench -N: {tps.ToString("F0", invariant)} TPS");

        // 2. and 3. once per topology (--topology), each on a database of its own on this same server, after the same pgbench.
        var compared = new List<string>();
        foreach (var topology in options.Topologies)
        {
            var coHosted = topology == BenchOptions.CoHosted;
            var database = "actors_" + topology;
            var label = options.Topologies.Count > 1 ? $" ({topology})" : "";
            // 2. The same concurrency through the API.
            await server.ExecuteAdminAsync("CREATE DATABASE " + database);
            var logs = Path.Combine(Path.GetTempPath(), "actors-bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", invariant) + "-" + topology);
            var hostsConnection = server.ConnectionFor(database, maxPoolSize: 100) + (options.Npgsql is null ? "" : ";" + options.Npgsql);
            await using var cluster = BenchApiSettings.Apply(new ClusterProcesses(hostsConnection, logs, tuned: false) { CoHostedApi = coHosted }, options);
            await cluster.MigrateAsync();
            // Co-hosted, the API's own silo is the cluster: a plain silo beside it would take half the grains and their calls out of process.
            if (!coHosted)
            {
                await cluster.StartSilosAsync(1);
            }

            await cluster.StartApiAsync(seedDemo: true);
            var silo = coHosted ? null : cluster.Silos[0].Process!;
            var apiHost = cluster.Api!;
            using var api = new GraphQLHttpClient(cluster.ApiBase, TimeSpan.FromSeconds(30), maxConnections: options.Clients * 2);
            var agent = await api.TokenAsync("AGENT", "agent-bench", "TN11-GU1");
            var citizens = new List<string>();
            for (var i = 0; i < options.Clients; i++)
            {
                citizens.Add(await api.TokenAsync("CITIZEN", $"cit-bench-{i.ToString(invariant)}", nationalIdNumber: "01234567"));
            }

            var warmup = new RequestWorkload(api, "TN11-GU1", agent, citizens, "warmup") { MaxAttempts = 1 };
            var warmupClock = Stopwatch.StartNew();
            await warmup.RunAsync(
                options.Clients,
                _ => warmupClock.Elapsed.TotalSeconds < options.Warmup
                    || (warmup.Acknowledged < MinimumWarmUpTransitions && warmupClock.Elapsed < LongestWarmUp),
                CancellationToken.None);
            var warmedUp = (Transitions: warmup.Acknowledged, Seconds: warmupClock.Elapsed.TotalSeconds);
            await Task.Delay(1500);

            var workload = new RequestWorkload(api, "TN11-GU1", agent, citizens, "bench") { MaxAttempts = 1 };
            await using var actors = NpgsqlDataSource.Create(server.ConnectionFor(database, maxPoolSize: 2));
            if (options.Statements)
            {
                await StatementProfile.ResetAsync(actors);
            }

            // What each host allocates per transition, and per booking below (the runtime's counters on their /metrics).
            using var metrics = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            async Task<RuntimeCounters[]> CountersAsync() =>
            [
                await RuntimeCounters.ReadAsync(metrics, cluster.ApiBase),
                silo is null ? new RuntimeCounters(0, 0) : await RuntimeCounters.ReadAsync(metrics, cluster.Silos[0].HealthBase),
            ];
            string Allocated(RuntimeCounters[] before, RuntimeCounters[] after, long calls) => string.Join(" / ", before.Zip(after, (b, a) =>
                RuntimeCounters.Per(b, a, calls).KilobytesPerAnswer.ToString("F1", invariant)));

            var countersBefore = await CountersAsync();
            var before = await DatabaseCounters.ReadAsync(admin, database);
            var cpuBefore = (Self: ProcessCpu.Seconds(Environment.ProcessId), Silo: SiloSeconds(silo), Api: ProcessCpu.Seconds(apiHost.Pid), Pg: ProcessCpu.TreeSeconds(postmaster));
            var machineBefore = MachineCpu.Now();
            var perf = options.Perf ? PerfProfile.Start(options.Seconds) : null;
            var clock = Stopwatch.StartNew();
            await workload.RunAsync(options.Clients, _ => clock.Elapsed.TotalSeconds < options.Seconds, CancellationToken.None);
            var elapsed = clock.Elapsed.TotalSeconds;
            var machine = MachineCpu.Now() - machineBefore;
            var cpu = (Self: ProcessCpu.Seconds(Environment.ProcessId) - cpuBefore.Self, Silo: SiloSeconds(silo) - cpuBefore.Silo,
                Api: ProcessCpu.Seconds(apiHost.Pid) - cpuBefore.Api, Pg: ProcessCpu.TreeSeconds(postmaster) - cpuBefore.Pg);
            var transitionsAllocated = Allocated(countersBefore, await CountersAsync(), workload.Acknowledged);
            // Backends report their statistics at most once a second; the relay finishes the last batches meanwhile.
            await Task.Delay(1500);
            var delta = await DatabaseCounters.ReadAsync(admin, database) - before;

            var transitions = workload.Acknowledged;
            // Read before the bookings below run: their statements are not the transitions'.
            var statements = options.Statements ? await StatementProfile.ReadAsync(actors, transitions, "transition") : "";
            var profiled = new Dictionary<int, string> { [Environment.ProcessId] = "load generator", [apiHost.Pid] = coHosted ? "API and silo" : "API" };
            if (silo is not null)
            {
                profiled[silo.Pid] = "silo";
            }

            var profile = perf is null ? "" : await perf.ReportAsync(profiled);
            var rate = transitions / elapsed;
            var latencies = workload.Latencies.Order().ToArray();
            var requests = long.Parse(await ScalarAsync(actors, "SELECT count(*) FROM orleans_storage WHERE grain_type = 'citizen-request'"), invariant);
            var sizes = await ScalarAsync(actors, """
                SELECT pg_total_relation_size('orleans_storage') || ' ' || pg_total_relation_size('outbox') || ' ' || pg_total_relation_size('request_index')
                """);
            var bytes = sizes.Split(' ').Select(s => long.Parse(s, invariant)).ToArray();

            // pgbench -N again, right after the transitions: this machine's speed drifts by tens of percent within minutes
            // (docs/benchmarks.md), so the ratio is taken against the mean of the runs that bracket the API's.
            var (tpsAfter, _, _) = await PgBench.RunAsync(server, "pgbench", options.Clients, options.Seconds);
            var bracketed = (tps + tpsAfter) / 2;

            // 3. Bookings at the same concurrency: one hot center, then spread over every demo center that takes card requests.
            var hotCount = options.Clients * 20;
            var hot = new BookingRun(api, citizens, "hot");
            var hotRequests = await hot.PrepareAsync(["TN11-GU1"], hotCount, options.Clients);
            var beforeHot = await CountersAsync();
            await hot.RunAsync(hotRequests, options.Clients);
            var hotAllocated = Allocated(beforeHot, await CountersAsync(), hot.Booked + hot.Full + hot.Failed);
            var cardCenters = await BookingRun.CardCentersAsync(api);
            var spread = new BookingRun(api, citizens, "spread");
            var spreadRequests = await spread.PrepareAsync(cardCenters, Math.Max(2, hotCount / cardCenters.Count), options.Clients);
            var beforeSpread = await CountersAsync();
            await spread.RunAsync(spreadRequests, options.Clients);
            var spreadAllocated = Allocated(beforeSpread, await CountersAsync(), spread.Booked + spread.Full + spread.Failed);

            var report = new StringBuilder();
            void Row(string what, string value) => report.AppendLine(invariant, $"| {what} | {value} |");
            report.AppendLine(invariant, $"### {options.Clients} clients × {options.Seconds} s{label}");
            report.AppendLine();
            report.AppendLine("| measure | value |");
            report.AppendLine("|---|---|");
            Row("machine", Machine.Describe());
            Row("PostgreSQL", $"{version}, {settings}");
            Row("hosts' extra Npgsql settings", options.Npgsql ?? "none");
            Row("silo settings (--silo-setting)", options.SiloSettings.Count == 0 ? "none" : string.Join("; ", options.SiloSettings.Select(s => $"{s.Key}={s.Value}")));
            Row("pgbench -N TPS (-c " + options.Clients + "): before / after the API run; their mean",
                $"{tps.ToString("F0", invariant)} / {tpsAfter.ToString("F0", invariant)}; {bracketed.ToString("F0", invariant)}");
            Row("topology", coHosted ? "co-hosted: one API process with its silo" : "client: 1 silo + the API process as its client");
            Row("warm-up before the measure: transitions, seconds", $"{warmedUp.Transitions}, {warmedUp.Seconds.ToString("F0", invariant)}");
            Row("persisted transitions/s", rate.ToString("F0", invariant));
            Row("ratio to pgbench -N (the mean)", (rate / bracketed).ToString("F2", invariant));
            Row("transitions (submissions + 2 steps each) / failed calls", $"{transitions} / {workload.FailedCalls}");
            Row("latency per transition p50 / p99 (ms)", $"{Percentile(latencies, 0.50).ToString("F1", invariant)} / {Percentile(latencies, 0.99).ToString("F1", invariant)}");
            Row("commits per transition (xact_commit, read-only included)", ((double)delta.Commits / transitions).ToString("F2", invariant));
            Row("write transactions per transition (xids assigned)", ((double)delta.TransactionIds / transitions).ToString("F2", invariant));
            Row("WAL syncs per transition (group commit)", ((double)delta.WalSyncs / transitions).ToString("F2", invariant));
            Row("WAL bytes per transition", (delta.WalBytes / (double)transitions).ToString("F0", invariant));
            Row("pgbench: commits / WAL syncs / WAL bytes per transaction", $"{((double)pgbenchDelta.Commits / (tps * pgbenchElapsed)).ToString("F2", invariant)} / {((double)pgbenchDelta.WalSyncs / (tps * pgbenchElapsed)).ToString("F2", invariant)} / {(pgbenchDelta.WalBytes / (tps * pgbenchElapsed)).ToString("F0", invariant)}");
            Row("CPU, API run (% of the machine): load generator / API / silo / PostgreSQL / the rest (idle, other processes)",
                Split(elapsed, cpu.Self, cpu.Api, cpu.Silo, cpu.Pg));
            Row("machine during the API run (/proc/stat): idle / steal", machine.Describe());
            Row("CPU ms per transition: load generator / API / silo / PostgreSQL",
                string.Join(" / ", new[] { cpu.Self, cpu.Api, cpu.Silo, cpu.Pg }.Select(s => (s * 1000 / transitions).ToString("F2", invariant))));
            Row("KB allocated per transition: API / silo", transitionsAllocated);
            Row("CPU, pgbench run (% of the machine): pgbench / PostgreSQL / the rest (idle, other processes)", Split(pgbenchElapsed, pgbenchCpu, pgbenchServerCpu));
            Row("machine during the pgbench run (/proc/stat): idle / steal", pgbenchMachine.Describe());
            Row("CPU ms per pgbench transaction: pgbench / PostgreSQL",
                $"{(pgbenchCpu * 1000 / (tps * pgbenchElapsed)).ToString("F2", invariant)} / {(pgbenchServerCpu * 1000 / (tps * pgbenchElapsed)).ToString("F2", invariant)}");
            // Issue 15, target 1: everything a transition costs (the load generator, both hosts, PostgreSQL) against everything
            // a pgbench transaction costs (pgbench itself and PostgreSQL), each measured from /proc over its own run.
            var cpuPerTransition = (cpu.Self + cpu.Api + cpu.Silo + cpu.Pg) / transitions;
            var cpuPerPgbenchTransaction = (pgbenchCpu + pgbenchServerCpu) / (tps * pgbenchElapsed);
            var throughputTarget = TargetSummary.AtLeast($"writes{label}: persisted transitions/s ÷ pgbench -N TPS ({options.Clients} clients, before and after)", rate / bracketed, 0.5);
            var cpuTarget = TargetSummary.AtMost($"writes{label}: total CPU per transition ÷ CPU per pgbench -N transaction", cpuPerTransition / cpuPerPgbenchTransaction, 2.5);
            Row("total CPU ms per transition (load generator + hosts + PostgreSQL) / per pgbench transaction (pgbench + PostgreSQL)",
                $"{(cpuPerTransition * 1000).ToString("F2", invariant)} / {(cpuPerPgbenchTransaction * 1000).ToString("F2", invariant)}");
            Row("target 1: throughput ratio (≥ 0.5) / CPU ratio (≤ 2.5)",
                $"{throughputTarget.Figure.ToString("F2", invariant)} {(throughputTarget.Met ? "pass" : "FAIL")} / {cpuTarget.Figure.ToString("F2", invariant)} {(cpuTarget.Met ? "pass" : "FAIL")}");
            // What the CPU target allows a transition against where it goes; at 1.0 the whole allowance is a pgbench transaction's.
            var pgPerTransition = cpu.Pg / transitions;
            Row("target 1 allows per transition (2.5× a pgbench transaction) / spent / of which PostgreSQL; PostgreSQL ÷ a whole pgbench transaction",
                $"{(2.5 * cpuPerPgbenchTransaction * 1000).ToString("F2", invariant)} / {(cpuPerTransition * 1000).ToString("F2", invariant)} / {(pgPerTransition * 1000).ToString("F2", invariant)}; {(pgPerTransition / cpuPerPgbenchTransaction).ToString("F2", invariant)}");
            compared.Add(string.Join(" | ", topology, rate.ToString("F0", invariant), throughputTarget.Figure.ToString("F2", invariant),
                $"{Percentile(latencies, 0.50).ToString("F1", invariant)} / {Percentile(latencies, 0.99).ToString("F1", invariant)}",
                string.Join(" / ", new[] { cpu.Self, cpu.Api, cpu.Silo, cpu.Pg }.Select(s => (s * 1000 / transitions).ToString("F2", invariant))),
                (cpuPerTransition * 1000).ToString("F2", invariant), cpuTarget.Figure.ToString("F2", invariant)));
            foreach (var (name, run, allocated) in new[] { ("one hot center (TN11-GU1)", hot, hotAllocated), ($"spread over {cardCenters.Count} demo centers", spread, spreadAllocated) })
            {
                var sorted = run.Latencies.Order().ToArray();
                Row($"bookings/s, {name}: booked / SLOT_FULL retries / failed",
                    $"{(run.Booked / run.Seconds).ToString("F0", invariant)} ({run.Booked} / {run.Full} / {run.Failed} in {run.Seconds.ToString("F1", invariant)} s)");
                Row($"booking latency p50 / p99 (ms), {name}", $"{Percentile(sorted, 0.50).ToString("F1", invariant)} / {Percentile(sorted, 0.99).ToString("F1", invariant)}");
                Row($"KB allocated per booking call (booked or refused), API / silo, {name}", allocated);
            }

            Row($"bytes per request ({requests} requests): orleans_storage / outbox / request_index / total",
                string.Join(" / ", bytes.Append(bytes.Sum()).Select(b => (b / (double)requests).ToString("F0", invariant))));
            Console.WriteLine();
            Console.WriteLine(report.ToString());
            Console.WriteLine("pgbench output:\n" + pgbenchOutput.Trim());
            if (options.Statements)
            {
                Console.WriteLine();
                Console.WriteLine(statements);
                Console.WriteLine();
                Console.WriteLine(await ScalarAsync(actors,
                    "SELECT string_agg(grain_type || ': ' || n, ', ') FROM (SELECT grain_type, count(*) AS n FROM orleans_storage GROUP BY grain_type ORDER BY n DESC) AS t"));
                // Since the database was made (warm-up and bookings included): how the tables are written, and vacuumed.
                Console.WriteLine("tables (inserted / updated, of which HOT / deleted; autovacuums, autoanalyzes): " + await ScalarAsync(actors, """
                    SELECT string_agg(format('%s %s / %s, %s HOT / %s; %s, %s', relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del,
                                             autovacuum_count, autoanalyze_count), ' · ' ORDER BY n_tup_ins + n_tup_upd DESC)
                    FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd + n_tup_del > 1000
                    """));
            }

            if (profile.Length > 0)
            {
                Console.WriteLine();
                Console.WriteLine(profile);
            }

            if (options.KeepLogs)
            {
                Console.WriteLine($"Host logs: {logs}");
            }
            else
            {
                await cluster.DisposeAsync();
                Directory.Delete(logs, recursive: true);
            }
        }

        if (compared.Count > 1)
        {
            TopologyComparison.Print(
                $"Writes by topology, {options.Clients} clients × {options.Seconds} s, pgbench -N {tps.ToString("F0", invariant)} TPS first (each ratio against its own before-and-after mean)",
                "topology | transitions/s | ratio to pgbench -N | p50 / p99 (ms) | CPU ms per transition: load generator / API / silo / PostgreSQL | total CPU ms per transition | CPU ratio",
                compared);
        }

        return 0;
    }

    /// <summary>Co-hosted there is no silo process: its silo's CPU is the API's.</summary>
    private static double SiloSeconds(HostProcess? silo) => silo is null ? 0 : ProcessCpu.Seconds(silo.Pid);

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Split(double seconds, params double[] parts)
    {
        var capacity = seconds * Environment.ProcessorCount;
        var shares = parts.Select(p => p / capacity * 100).ToList();
        shares.Add(Math.Max(0, 100 - shares.Sum()));
        return string.Join(" / ", shares.Select(s => s.ToString("F0", CultureInfo.InvariantCulture) + " %"));
    }

    private static async Task<string> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}
