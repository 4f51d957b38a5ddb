using System.Diagnostics;
using System.Globalization;
using Actors.TestSupport;
using Npgsql;

namespace Actors.Bench;

/// <summary>
/// What the read modes measure against: one throwaway durable PostgreSQL, one silo process and the API process in
/// cluster mode (as deployed), the demo data seeded, an agent of TN11-GU1 and <c>clients</c> citizens with their tokens.
/// Co-hosted (<c>--topology cohosted</c>): the API process alone, running the cluster's silo itself. Given a server of the
/// caller's (to compare topologies on the same PostgreSQL), a database of its own there, and the server is left running.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    public const string Center = "TN11-GU1";

    private readonly bool _keepLogs;
    private readonly bool _ownsServer;

    private BenchCluster(ThrowawayPostgres server, int postmaster, ClusterProcesses processes, GraphQLHttpClient api, string logs, bool keepLogs, bool ownsServer)
    {
        _ownsServer = ownsServer;
        Server = server;
        Postmaster = postmaster;
        Processes = processes;
        Api = api;
        Logs = logs;
        _keepLogs = keepLogs;
    }

    public ThrowawayPostgres Server { get; }

    public int Postmaster { get; }

    public ClusterProcesses Processes { get; }

    public GraphQLHttpClient Api { get; }

    public string Logs { get; }

    public string AgentToken { get; private set; } = "";

    /// <summary>One token per client; request number n belongs to citizen n % count (as <see cref="RequestWorkload"/> submits them).</summary>
    public IReadOnlyList<string> CitizenTokens { get; private set; } = [];

    public int ApiPid => Processes.Api!.Pid;

    public int SiloPid => Processes.Silos[0].Process!.Pid;

    /// <summary>Whether a silo process runs beside the API (not co-hosted).</summary>
    public bool HasSiloProcess => Processes.Silos.Count > 0;

    /// <summary>The hosts' database: "actors", or "actors_&lt;topology&gt;" on a server of the caller's.</summary>
    public string Database { get; private init; } = "actors";

    public static Task<ThrowawayPostgres> StartServerAsync(bool statements = false) =>
        ThrowawayPostgres.StartAsync(durable: true, maxConnections: 300, sharedBuffers: "128MB", moreSettings: statements ? StatementProfile.ServerSettings : null);

    public static async Task<BenchCluster> StartAsync(string name, BenchOptions options, string topology = BenchOptions.Client, ThrowawayPostgres? sharedServer = null)
    {
        var server = sharedServer ?? await StartServerAsync(options.Statements);
        var postmaster = server.PostmasterPid() ?? throw new InvalidOperationException("No postmaster.pid: cannot measure PostgreSQL's CPU.");
        var database = sharedServer is null ? "actors" : "actors_" + topology;
        await server.ExecuteAdminAsync("CREATE DATABASE " + database);
        var logs = Path.Combine(Path.GetTempPath(), "actors-bench", name + "-" + topology + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var connection = server.ConnectionFor(database, maxPoolSize: 100) + (options.Npgsql is null ? "" : ";" + options.Npgsql);
        var coHosted = topology == BenchOptions.CoHosted;
        var processes = BenchApiSettings.Apply(new ClusterProcesses(connection, logs, tuned: false) { CoHostedApi = coHosted }, options);
        await processes.MigrateAsync();
        if (!coHosted)
        {
            await processes.StartSilosAsync(1);
        }

        await processes.StartApiAsync(seedDemo: true);
        var api = new GraphQLHttpClient(processes.ApiBase, TimeSpan.FromSeconds(30), maxConnections: options.Clients * 2);
        var cluster = new BenchCluster(server, postmaster, processes, api, logs, options.KeepLogs, ownsServer: sharedServer is null)
        {
            Database = database,
            AgentToken = await api.TokenAsync("AGENT", "agent-bench", Center),
        };
        var citizens = new List<string>();
        for (var i = 0; i < options.Clients; i++)
        {
            citizens.Add(await api.TokenAsync("CITIZEN", $"cit-{name}-{i.ToString(CultureInfo.InvariantCulture)}", nationalIdNumber: "01234567"));
        }

        cluster.CitizenTokens = citizens;
        return cluster;
    }

    /// <summary>Submits <paramref name="count"/> ID card requests at <see cref="Center"/> (status SUBMITTED), <c>clients</c> at a time.</summary>
    public async Task<IReadOnlyList<(string Id, string CitizenToken)>> SeedAsync(int count, int clients, string prefix)
    {
        var workload = new RequestWorkload(Api, Center, AgentToken, CitizenTokens, prefix) { StepsPerRequest = 1 };
        await workload.RunAsync(clients, number => number < count, CancellationToken.None);
        var seeded = workload.Cases.Where(c => c.Id is not null).Select(c => (c.Id!, CitizenTokens[c.Number % CitizenTokens.Count])).ToList();
        if (seeded.Count < count)
        {
            throw new InvalidOperationException($"Only {seeded.Count} of {count} requests were submitted: {workload.Cases.FirstOrDefault(c => c.Failure is not null)?.Failure}");
        }

        return seeded;
    }

    /// <summary>
    /// Waits until the hosts have finished starting: both below a tenth of a core for two seconds in a row, at most
    /// <paramref name="longest"/>. For several seconds after the seed the hosts compile their startup code again at tier 1
    /// and the silo projects the demo data; a phase measured meanwhile (<c>--reads</c> measured <c>/health/live</c> first) ran
    /// beside that work: 17–19k answers/s at 0.064–0.076 ms of the API's CPU each, against 25–28k at 0.038–0.043 once quiet.
    /// </summary>
    public async Task<TimeSpan> SettleAsync(TimeSpan longest)
    {
        const double QuietCoreShare = 0.1;
        var clock = Stopwatch.StartNew();
        double Hosts() => ProcessCpu.Seconds(ApiPid) + (HasSiloProcess ? ProcessCpu.Seconds(SiloPid) : 0);
        var quietSeconds = 0;
        var last = Hosts();
        while (quietSeconds < 2 && clock.Elapsed < longest)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = Hosts();
            quietSeconds = now - last < QuietCoreShare ? quietSeconds + 1 : 0;
            last = now;
        }

        return clock.Elapsed;
    }

    public async Task<string> ScalarAsync(string database, string sql)
    {
        await using var db = NpgsqlDataSource.Create(Server.ConnectionFor(database, maxPoolSize: 2));
        await using var command = db.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Processes.DisposeAsync();
        if (_keepLogs)
        {
            Console.WriteLine($"Host logs: {Logs}");
        }
        else if (Directory.Exists(Logs))
        {
            Directory.Delete(Logs, recursive: true);
        }

        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}
