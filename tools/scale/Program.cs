using System.Globalization;
using Actors.Scale;
using Actors.TestSupport;
using Npgsql;

// dotnet run -c Release --project tools/scale -- [--steps 1,3,5,2] [--seconds-per-step S] [--clients N] [--rolling-restart] [--kill]
//
// One throwaway durable PostgreSQL, the silo processes and the API process (cluster mode, Orleans membership in
// PostgreSQL, the fault tests' membership timings so that a killed silo is declared dead in seconds). The first count
// of --steps is started with the API; N clients then submit ID card requests and an agent moves each through two
// transitions, retrying as a careful client does, for the whole run. Each further count scales the silos (new silos
// join, the newest leave with SIGTERM), then --rolling-restart replaces every silo in turn and --kill sends SIGKILL to
// one and starts a replacement. After each step: acknowledged steps not found in PostgreSQL (lost: must be 0), failed
// calls, requests given up, acknowledged steps per second and their p99 (first attempt to acknowledgement).
// Exit code 0 when nothing was lost; 1 when something was (or the cluster did not start); 2 for a bad command line.
// ACTORS_HOST_READY_SECONDS (90) is how long each host may take to become ready.
ScaleOptions options;
try
{
    options = ScaleOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var invariant = CultureInfo.InvariantCulture;
var plan = options.Steps.Skip(1).Select(ScaleAction.ScaleTo).ToList();
if (options.RollingRestart)
{
    plan.Add(ScaleAction.RollingRestart);
}

if (options.Kill)
{
    plan.Add(ScaleAction.Kill);
}

Console.WriteLine($"Scale simulation: {options.Clients} clients, {options.SecondsPerStep} s per step, start with {options.Steps[0]} silo(s), then " +
    string.Join(", ", plan));
await using var server = await ThrowawayPostgres.StartAsync(durable: true, maxConnections: 400, sharedBuffers: "128MB");
await server.ExecuteAdminAsync("CREATE DATABASE actors");
// Each host keeps its own pool: five silos and the API at 40 connections each stay under max_connections.
var connectionString = server.ConnectionFor("actors", maxPoolSize: 40);
var logs = Path.Combine(Path.GetTempPath(), "actors-scale", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", invariant));
await using var database = NpgsqlDataSource.Create(server.ConnectionFor("actors", maxPoolSize: 4));
var lost = 0;
await using (var cluster = new ClusterProcesses(connectionString, logs).WithLoadGeneratorRateLimits())
{
    try
    {
        await cluster.MigrateAsync();
        await cluster.StartSilosAsync(options.Steps[0]);
        await cluster.StartApiAsync(seedDemo: true);
    }
    catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
    {
        Console.Error.WriteLine($"The cluster did not start: {ex.Message}\nlogs: {logs}");
        return 1;
    }

    using var api = new GraphQLHttpClient(cluster.ApiBase, TimeSpan.FromSeconds(40), maxConnections: options.Clients * 2);
    var agent = await api.TokenAsync("AGENT", "agent-scale", "TN11-GU1");
    var citizens = new List<string>();
    for (var i = 0; i < 8; i++)
    {
        citizens.Add(await api.TokenAsync("CITIZEN", $"cit-scale-{i.ToString(invariant)}", nationalIdNumber: "01234567"));
    }

    var workload = new RequestWorkload(api, "TN11-GU1", agent, citizens, "scale");
    Console.WriteLine();
    Console.WriteLine("| step | silos after | action s | window s | acknowledged | steps/s | p99 ms | failed calls | given up | lost |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    var simulation = new ScaleSimulation(cluster, workload, database)
    {
        Clients = options.Clients,
        HoldPerStep = TimeSpan.FromSeconds(options.SecondsPerStep),
        OnStep = r => Console.WriteLine(string.Create(invariant,
            $"| {r.Action} | {r.SilosAfter} | {r.ActionSeconds:F1} | {r.Seconds:F1} | {r.Acknowledged} | {r.Throughput:F0} | {r.P99Milliseconds:F0} | {r.FailedCalls} | {r.GivenUp} | {r.Lost.Count} |")),
    };
    IReadOnlyList<ScaleStepReport> reports;
    try
    {
        reports = await simulation.RunAsync(plan, CancellationToken.None);
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"The simulation failed: {ex.Message}\n{cluster.Tails()}\nlogs: {logs}");
        return 1;
    }

    Console.WriteLine();
    Console.WriteLine("Failed calls by kind (each was retried):");
    foreach (var report in reports)
    {
        Console.WriteLine($"- {report.Action}: {report.FailureSummary}");
    }

    var final = reports[^1];
    lost = final.Lost.Count;
    foreach (var line in final.Lost.Take(20))
    {
        Console.WriteLine("LOST " + line);
    }

    var anomalies = workload.Cases.SelectMany(c => c.Anomalies.Select(a => $"{c.IdempotencyKey}: {a}")).ToList();
    foreach (var line in anomalies.Take(20))
    {
        Console.WriteLine("ANOMALY " + line);
    }

    var requests = workload.Cases.Count();
    Console.WriteLine();
    Console.WriteLine($"{requests} requests, {workload.Acknowledged} steps acknowledged, {workload.Retries} retries, " +
        $"{workload.Cases.Sum(c => c.Reconciled)} steps reconciled from history, {workload.Cases.Count(c => c.Failure is not null)} given up; " +
        $"lost {lost}, anomalies {anomalies.Count}");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores; logs: {(options.KeepLogs ? logs : "removed")}");
    lost += anomalies.Count;
}

if (!options.KeepLogs && lost == 0 && Directory.Exists(logs))
{
    Directory.Delete(logs, recursive: true);
}

return lost == 0 ? 0 : 1;
