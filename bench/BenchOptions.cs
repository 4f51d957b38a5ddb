using System.Globalization;

namespace Actors.Bench;

/// <summary>Command-line options. A mode chooses what to measure (issue 15 has a target per mode):
/// --writes (the default: persisted transitions against pgbench -N), --reads (request(id) and a page of requests against
/// /health/live), --cold (request(id) of inactive grains against pgbench SELECTing the same rows), --all (every mode, one
/// summary of the targets), --abuse (issue 13: abusive requests against an embedded API; not part of --all), --json (a
/// transition's JSON with reflection and with source-generated metadata, <see cref="JsonRun"/>; not part of --all).
/// Then: --clients N (16; 4 with --abuse), --seconds S (20, per measured phase), --warmup W (5), --scale K (pgbench -s, 10),
/// --keep-logs, --statements (pg_stat_statements: where PostgreSQL spends its time during the write run), --perf (--writes:
/// a whole-machine perf profile of the measured phase, see <see cref="PerfProfile"/>),
/// --npgsql "Key=Value;..." (added to the hosts' connection string, e.g. "Max Auto Prepare=32" to try Npgsql's automatic preparation),
/// --cold-requests N (requests seeded for --cold, 1000: each is read once, cold);
/// --progress (analysts' questions over bulk-loaded requests, see <see cref="ProgressRun"/>) with --requests N (1,000,000),
/// --memory (resident memory per active request grain, see <see cref="MemoryRun"/>) with --grains N (100,000),
/// --collection-age MINUTES (60), --gcdump PATH and --by-steps;
/// for --abuse: --tries N (20, abusive requests per case when timing refusals), --abusers N (8, clients sending abusive
/// requests during the load phase), --only TEXT (the cases whose name contains it),
/// --api-setting Key=Value (repeatable: an environment variable for the API, e.g. a limit or a lever to try);
/// --topology client,cohosted (--writes and --reads: once per API topology, in that order, on the same PostgreSQL;
/// --cold: once per topology, each on a PostgreSQL of its own; with the figures side by side; client alone unless given).</summary>
public sealed record BenchOptions(int Clients, int Seconds, int Warmup, int Scale, bool KeepLogs, bool Statements, string? Npgsql)
{
    /// <summary>The modes asked for, in the order given; empty means --writes.</summary>
    public IReadOnlyList<string> Modes { get; init; } = [];

    public bool Abuse => Modes.Contains("abuse");

    public int Tries { get; init; } = 20;

    public int Abusers { get; init; } = 8;

    public int ColdRequests { get; init; } = 1000;

    /// <summary>--only TEXT: only the abuse cases whose name contains it (to find which one hurts).</summary>
    public string? Only { get; init; }

    /// <summary>--requests N: requests bulk-loaded for --progress (1,000,000 unless given).</summary>
    public int? Requests { get; init; }

    /// <summary>--grains N: request grains activated for --memory (100,000 unless given).</summary>
    public int? Grains { get; init; }

    /// <summary>
    /// --collection-age MINUTES: the silo's idle-grain collection age in --memory (60 unless given), above the time the
    /// activation takes, so that no request is collected before memory is read.
    /// </summary>
    public int CollectionAgeMinutes { get; init; } = 60;

    /// <summary>--by-steps: --memory activates its requests by submitting each and taking it one step, not by reading stored states.</summary>
    public bool MemoryBySteps { get; init; }

    /// <summary>--perf: --writes records a whole-machine perf profile of its measured phase (<see cref="PerfProfile"/>).</summary>
    public bool Perf { get; init; }

    /// <summary>--gcdump PATH: --memory writes a gcdump of its silo (dotnet-gcdump) with the requests active, and prints its heap by type.</summary>
    public string? GcDump { get; init; }

    public const string Client = "client";

    public const string CoHosted = "cohosted";

    /// <summary>--topology: the API as a client of a silo process (client), or running the silo itself (cohosted).</summary>
    public IReadOnlyList<string> Topologies { get; init; } = [Client];

    public IReadOnlyDictionary<string, string> ApiSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>--silo-setting Key=Value</c>: configuration of the silo processes (and of the API when it hosts the silo).</summary>
    public IReadOnlyDictionary<string, string> SiloSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The mode options: each names a run (see Program.cs).</summary>
    public static readonly IReadOnlyList<string> KnownModes = ["writes", "reads", "cold", "all", "abuse", "progress", "memory", "json"];

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(0, 20, 5, 10, false, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i]} needs a positive number.");
            options = args[i] switch
            {
                var mode when mode.StartsWith("--", StringComparison.Ordinal) && KnownModes.Contains(mode[2..]) =>
                    options with { Modes = [.. options.Modes, mode[2..]] },
                "--clients" => options with { Clients = Next() },
                "--seconds" => options with { Seconds = Next() },
                "--warmup" => options with { Warmup = Next() },
                "--scale" => options with { Scale = Next() },
                "--keep-logs" => options with { KeepLogs = true },
                "--statements" => options with { Statements = true },
                "--perf" => options with { Perf = true },
                "--npgsql" when i + 1 < args.Length => options with { Npgsql = args[++i] },
                "--cold-requests" => options with { ColdRequests = Next() },
                "--requests" => options with { Requests = Next() },
                "--grains" => options with { Grains = Next() },
                "--collection-age" => options with { CollectionAgeMinutes = Next() },
                "--gcdump" when i + 1 < args.Length => options with { GcDump = args[++i] },
                "--by-steps" => options with { MemoryBySteps = true },
                "--tries" => options with { Tries = Next() },
                "--abusers" => options with { Abusers = Next() },
                "--only" when i + 1 < args.Length => options with { Only = args[++i] },
                "--topology" when i + 1 < args.Length => options with { Topologies = ParseTopologies(args[++i]) },
                "--api-setting" when i + 1 < args.Length && args[i + 1].Contains('=', StringComparison.Ordinal) =>
                    options with { ApiSettings = WithSetting(options.ApiSettings, args[++i]) },
                "--silo-setting" when i + 1 < args.Length && args[i + 1].Contains('=', StringComparison.Ordinal) =>
                    options with { SiloSettings = WithSetting(options.SiloSettings, args[++i]) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Modes: {string.Join(" ", KnownModes.Select(m => "--" + m))}. Options: --clients N --seconds S --warmup W --scale K --keep-logs --statements --perf --npgsql \"Key=Value;...\" --cold-requests N --requests N --grains N --collection-age MINUTES --gcdump PATH --by-steps --tries N --abusers N --only TEXT --api-setting Key=Value --silo-setting Key=Value --topology client,cohosted"),
            };
        }

        if (options.Topologies.Count > 1 && options.Modes.Any(m => m is not ("writes" or "reads" or "cold" or "all")))
        {
            // Under --all, --progress and --memory run on the client topology whatever --topology says.
            throw new ArgumentException("--topology with several topologies compares --writes, --reads and --cold (and those of --all) only.");
        }

        if (options.Perf)
        {
            // Set before any --api-setting or --silo-setting of the same key would be: these win, perf needs them.
            options = options with
            {
                ApiSettings = PerfProfile.HostSettings.Aggregate(options.ApiSettings, (settings, s) => WithSetting(settings, s.Key + "=" + s.Value)),
                SiloSettings = PerfProfile.HostSettings.Aggregate(options.SiloSettings, (settings, s) => WithSetting(settings, s.Key + "=" + s.Value)),
            };
        }

        // The issue's targets are stated at 16 clients; the abuse run's normal clients were 4 from the start.
        return options.Clients > 0 ? options : options with { Clients = options.Abuse ? 4 : 16 };
    }

    /// <summary>The settings with one more <c>Key=Value</c> (a later one of the same key wins).</summary>
    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string keyAndValue)
    {
        var (key, value) = (keyAndValue.Split('=', 2)[0], keyAndValue.Split('=', 2)[1]);
        return new Dictionary<string, string>(settings, StringComparer.Ordinal) { [key] = value };
    }

    private static List<string> ParseTopologies(string list)
    {
        var topologies = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).Distinct().ToList();
        return topologies.Count > 0 && topologies.All(t => t is Client or CoHosted)
            ? topologies
            : throw new ArgumentException($"--topology {list}: a comma-separated list of {Client} and {CoHosted}.");
    }
}
