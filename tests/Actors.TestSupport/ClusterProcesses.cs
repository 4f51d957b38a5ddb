using System.Globalization;

namespace Actors.TestSupport;

/// <summary>
/// A cluster as operators run it, from the built hosts: silo processes (<c>dotnet silo/bin/&lt;cfg&gt;/net10.0/Actors.Silo.dll</c>)
/// and the API as an Orleans client (<c>Actors.Api.dll</c> with <c>ConnectionStrings__Postgres</c>) or, with
/// <see cref="CoHostedApi"/>, as a silo of the cluster itself, all on 127.0.0.1. Two instances given the same cluster id
/// and connection string make one cluster (e.g. two co-hosted APIs, each with a port of its own).
/// Each silo slot keeps its ports, so a restarted silo comes back on the same endpoint with a new generation.
/// With <see cref="Tuned"/>, membership timings are shortened (the fault test profile) so that a killed silo is
/// declared dead within seconds. Disposing kills every process still running.
/// </summary>
public sealed class ClusterProcesses : IAsyncDisposable
{
    /// <summary>
    /// The fault test profile: a dead silo is suspected after three missed 2 s probes and declared dead by one
    /// vote. Shorter probes (1 s, two misses) declared a silo that was only starting up on two busy cores dead.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FaultTestProfile = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
        ["Orleans__Membership__NumMissedProbesLimit"] = "3",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:02",
        ["Orleans__Membership__DeathVoteExpirationTimeout"] = "00:00:20",
        ["Orleans__Messaging__ResponseTimeout"] = "00:00:10",
        ["Orleans__Gateway__GatewayListRefreshPeriod"] = "00:00:01",
    };

    /// <summary>
    /// How long a host may take to become ready: 90 s, or ACTORS_HOST_READY_SECONDS. On a machine shared by several
    /// builds (a load average far above its cores) a cold API has taken longer than 90 s.
    /// </summary>
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("ACTORS_HOST_READY_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 90);

    private readonly List<SiloSlot> _silos = [];

    public ClusterProcesses(string connectionString, string logDirectory, bool tuned = true, string? clusterId = null)
    {
        ConnectionString = connectionString;
        LogDirectory = logDirectory;
        Tuned = tuned;
        ClusterId = clusterId ?? "actors-" + Guid.NewGuid().ToString("N")[..8];
        ApiPort = FreePort.Next();
    }

    public string ConnectionString { get; }

    public string LogDirectory { get; }

    public bool Tuned { get; }

    /// <summary>
    /// Whether <see cref="StartApiAsync"/> starts the API with <c>Orleans__Topology=CoHosted</c>: a silo of this cluster in the
    /// API process, on ports of its own (<see cref="ApiSiloPort"/>, <see cref="ApiGatewayPort"/>) kept across restarts.
    /// </summary>
    public bool CoHostedApi { get; set; }

    /// <summary>The co-hosted API's silo-to-silo port (unused by a client API).</summary>
    public int ApiSiloPort { get; } = FreePort.Next();

    /// <summary>The co-hosted API's gateway port (unused by a client API).</summary>
    public int ApiGatewayPort { get; } = FreePort.Next();

    /// <summary>Whether requests move by themselves (issue 9's pathway); off for the agent-driven workloads.</summary>
    public bool AutomaticPathway { get; init; }

    public string ClusterId { get; }

    /// <summary>Settings the silo processes start with on top of the profile (e.g. <c>Clock__Offset</c>); read at each (re)start.</summary>
    public Dictionary<string, string> SiloSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>Settings the API process starts with on top of the profile (e.g. the benchmark's rate limits); read at each (re)start.</summary>
    public Dictionary<string, string> ApiSettings { get; } = new(StringComparer.Ordinal);

    public string ServiceId { get; } = "actors";

    /// <summary>
    /// Raises the API's rate limits (issue 13) far above what two cores can serve. A load generator's clients all come
    /// from 127.0.0.1 with a handful of tokens, so the production limits (per address, per account) would measure the
    /// limiter instead of the cluster: a scale simulation then sees every client refused RATE_LIMITED in lockstep. Call it
    /// before <see cref="StartApiAsync"/>. The abuse benchmark measures the limits themselves and does not call it.
    /// </summary>
    public ClusterProcesses WithLoadGeneratorRateLimits()
    {
        foreach (var key in (string[])["PerAddress", "PerIdentity", "ExpensivePerAddress", "ExpensivePerIdentity"])
        {
            ApiSettings["RateLimits__" + key] = "100000000";
        }

        return this;
    }

    public int ApiPort { get; }

    public Uri ApiBase => new($"http://127.0.0.1:{ApiPort.ToString(CultureInfo.InvariantCulture)}/");

    public HostProcess? Api { get; private set; }

    public IReadOnlyList<SiloSlot> Silos => _silos;

    /// <summary>Debug or Release: the configuration this assembly was built in, used to find the hosts' builds beside it.</summary>
    public static string BuildConfiguration { get; } = FindConfiguration();

    public static string SiloDll => BuiltProgram.Dll("silo", "Actors.Silo");

    public static string ApiDll => BuiltProgram.Dll("api", "Actors.Api");

    /// <summary>Runs <c>dotnet Actors.Silo.dll migrate</c> against the database and fails unless it exits 0.</summary>
    /// <remarks><paramref name="siloDll"/>: another build's silo (a previous release's, for a mixed-version cluster).</remarks>
    public async Task MigrateAsync(CancellationToken cancellationToken = default, string? siloDll = null)
    {
        var (exitCode, output, errors) = await BuiltProgram.RunAsync(siloDll ?? SiloDll, ["migrate"], Timeout.InfiniteTimeSpan,
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = ConnectionString }, cancellationToken: cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"silo migrate exited with {exitCode}:\n{output}\n{errors}");
        }
    }

    /// <summary>Adds <paramref name="count"/> silo slots with ports of their own, starts them together, waits until all are ready.</summary>
    public Task StartSilosAsync(int count, CancellationToken cancellationToken = default) => StartSilosAsync(count, SiloDll, cancellationToken);

    /// <summary>The same with another build's silo (<paramref name="siloDll"/>): each of these slots keeps running that build.</summary>
    public async Task StartSilosAsync(int count, string siloDll, CancellationToken cancellationToken = default)
    {
        var started = new List<int>();
        for (var i = 0; i < count; i++)
        {
            _silos.Add(new SiloSlot(_silos.Count, FreePort.Next(), FreePort.Next(), FreePort.Next()) { Dll = siloDll });
            started.Add(_silos.Count - 1);
        }

        foreach (var index in started)
        {
            Launch(_silos[index]);
        }

        await Task.WhenAll(started.Select(index => _silos[index].Process!.WaitReadyAsync(ReadyDeadline, cancellationToken)));
    }

    /// <summary>Starts slot <paramref name="index"/> again (after a kill or a stop) on its ports and waits until it is ready.</summary>
    public async Task RestartSiloAsync(int index, CancellationToken cancellationToken = default)
    {
        var slot = _silos[index];
        if (slot.Process is { HasExited: false })
        {
            throw new InvalidOperationException($"Silo {index} is still running.");
        }

        if (slot.Process is not null)
        {
            await slot.Process.DisposeAsync();
        }

        Launch(slot);
        await slot.Process!.WaitReadyAsync(ReadyDeadline, cancellationToken);
    }

    /// <summary>kill -9 of one silo.</summary>
    public Task KillSiloAsync(int index) => _silos[index].Process!.KillAsync();

    /// <summary>SIGTERM to one silo and a wait for it to leave the cluster gracefully.</summary>
    public Task StopSiloAsync(int index, TimeSpan? grace = null) => _silos[index].Process!.StopAsync(grace ?? TimeSpan.FromSeconds(60));

    /// <summary>
    /// Starts the API in cluster mode (Development, so /dev/token exists), as a client or co-hosted (<see cref="CoHostedApi"/>),
    /// and waits until it is ready (co-hosted: its silo Active in the membership).
    /// </summary>
    public async Task StartApiAsync(bool seedDemo = true, CancellationToken cancellationToken = default)
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        var environment = Common();
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Demo__Seed"] = seedDemo ? "true" : "false";
        if (CoHostedApi)
        {
            environment["Orleans__Topology"] = "CoHosted";
            environment["Orleans__SiloPort"] = ApiSiloPort.ToString(CultureInfo.InvariantCulture);
            environment["Orleans__GatewayPort"] = ApiGatewayPort.ToString(CultureInfo.InvariantCulture);
            environment["Orleans__AdvertisedAddress"] = "127.0.0.1";
        }

        foreach (var (key, value) in ApiSettings)
        {
            environment[key] = value;
        }

        Api = HostProcess.Start("api", ApiDll, environment, ["--urls", ApiBase.ToString().TrimEnd('/')], LogDirectory, ApiBase);
        await Api.WaitReadyAsync(ReadyDeadline, cancellationToken);
    }

    /// <summary>kill -9 of the API (co-hosted: its silo with it).</summary>
    public Task KillApiAsync() => Api!.KillAsync();

    /// <summary>kill -9 of every process: the API and all silos at once.</summary>
    public async Task KillAllAsync()
    {
        var all = _silos.Select(s => s.Process).Append(Api).OfType<HostProcess>().ToList();
        await Task.WhenAll(all.Select(p => p.KillAsync()));
    }

    /// <summary>The last output of every process, for failure messages.</summary>
    public string Tails() => string.Join("\n", _silos.Select(s => s.Process).Append(Api).OfType<HostProcess>().Select(p => p.Tail()));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _silos.Select(s => s.Process).Append(Api).OfType<HostProcess>())
        {
            await process.DisposeAsync();
        }
    }

    private void Launch(SiloSlot slot)
    {
        var environment = Common();
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Orleans__SiloPort"] = slot.SiloPort.ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = slot.GatewayPort.ToString(CultureInfo.InvariantCulture);
        environment["Orleans__AdvertisedAddress"] = "127.0.0.1";
        environment["Urls"] = slot.HealthBase.ToString().TrimEnd('/');
        foreach (var (key, value) in SiloSettings)
        {
            environment[key] = value;
        }

        slot.Generation++;
        slot.Process = HostProcess.Start($"silo{slot.Index}-{slot.Generation}", slot.Dll, environment, [], LogDirectory, slot.HealthBase);
    }

    /// <summary>The slots whose silo process is running now.</summary>
    public IReadOnlyList<SiloSlot> RunningSilos => _silos.Where(s => s.Process is { HasExited: false }).ToList();

    private Dictionary<string, string> Common()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Postgres"] = ConnectionString,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ServiceId,
            ["Logging__Json"] = "false",

            // The workloads take every step as an agent would (the manual path); a test of the automatic pathway turns it on.
            ["Pathway__Automatic"] = AutomaticPathway ? "true" : "false",
        };
        foreach (var (key, value) in TestDocumentKey.Environment)
        {
            environment[key] = value;
        }

        if (AutomaticPathway)
        {
            // Seconds, not minutes: a pathway whose silo died resumes at its reminder's next tick (one minute at the least).
            environment["Pathway__ReminderPeriod"] = "00:01:00";
            environment["Pathway__RetryDelay"] = "00:00:01";
        }
        if (Tuned)
        {
            foreach (var (key, value) in FaultTestProfile)
            {
                environment[key] = value;
            }
        }

        return environment;
    }

    private static string FindConfiguration()
    {
        // .../bin/<Configuration>/net10.0/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return framework.Parent?.Name ?? "Debug";
    }

    /// <summary>One silo's place in the cluster: fixed ports, and the process currently running there.</summary>
    public sealed class SiloSlot(int index, int siloPort, int gatewayPort, int healthPort)
    {
        public int Index { get; } = index;

        public int SiloPort { get; } = siloPort;

        public int GatewayPort { get; } = gatewayPort;

        public int HealthPort { get; } = healthPort;

        public Uri HealthBase => new($"http://127.0.0.1:{HealthPort.ToString(CultureInfo.InvariantCulture)}/");

        /// <summary>How many times this slot was started.</summary>
        public int Generation { get; set; }

        public HostProcess? Process { get; set; }

        /// <summary>The silo build this slot runs (this build's unless a previous release's was given).</summary>
        public string Dll { get; init; } = SiloDll;
    }
}
