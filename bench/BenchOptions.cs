using System.Globalization;

namespace Actors.Bench;

/// <summary>Command-line options: --clients N (default 4), --seconds S (20), --warmup W (5), --scale K (pgbench -s, 10), --keep-logs,
/// --statements (pg_stat_statements: where PostgreSQL spends its time during the API run),
/// --npgsql "Key=Value;..." (added to the hosts' connection string, e.g. "Max Auto Prepare=32" to try Npgsql's automatic preparation);
/// --abuse (the abuse cases against an embedded API instead: see <see cref="AbuseRun"/>), --tries N (20, abusive requests per
/// case when timing refusals), --abusers N (8, clients sending abusive requests during the load phase), --only TEXT (the cases
/// whose name contains it),
/// --api-setting Key=Value (repeatable: an environment variable for the embedded API, e.g. a limit to try).</summary>
public sealed record BenchOptions(int Clients, int Seconds, int Warmup, int Scale, bool KeepLogs, bool Statements, string? Npgsql)
{
    public bool Abuse { get; init; }

    public int Tries { get; init; } = 20;

    public int Abusers { get; init; } = 8;

    /// <summary>--only TEXT: only the abuse cases whose name contains it (to find which one hurts).</summary>
    public string? Only { get; init; }

    /// <summary>--progress: analysts' questions over bulk-loaded requests (issue 15, target 4, see <see cref="ProgressRun"/>).</summary>
    public bool Progress { get; init; }

    /// <summary>--memory: resident memory per active request grain (issue 15, target 5, see <see cref="MemoryRun"/>).</summary>
    public bool Memory { get; init; }

    /// <summary>--requests N: requests bulk-loaded for --progress (1,000,000 unless given).</summary>
    public int? Requests { get; init; }

    /// <summary>--grains N: request grains activated for --memory (100,000 unless given).</summary>
    public int? Grains { get; init; }

    public IReadOnlyDictionary<string, string> ApiSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(4, 20, 5, 10, false, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i]} needs a positive number.");
            options = args[i] switch
            {
                "--clients" => options with { Clients = Next() },
                "--seconds" => options with { Seconds = Next() },
                "--warmup" => options with { Warmup = Next() },
                "--scale" => options with { Scale = Next() },
                "--keep-logs" => options with { KeepLogs = true },
                "--statements" => options with { Statements = true },
                "--npgsql" when i + 1 < args.Length => options with { Npgsql = args[++i] },
                "--abuse" => options with { Abuse = true },
                "--tries" => options with { Tries = Next() },
                "--abusers" => options with { Abusers = Next() },
                "--only" when i + 1 < args.Length => options with { Only = args[++i] },
                "--api-setting" when i + 1 < args.Length && args[i + 1].Contains('=', StringComparison.Ordinal) =>
                    options with { ApiSettings = new Dictionary<string, string>(options.ApiSettings, StringComparer.Ordinal) { [args[i + 1].Split('=', 2)[0]] = args[++i].Split('=', 2)[1] } },
                "--progress" => options with { Progress = true },
                "--memory" => options with { Memory = true },
                "--requests" => options with { Requests = Next() },
                "--grains" => options with { Grains = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --clients N --seconds S --warmup W --scale K --keep-logs --statements --npgsql \"Key=Value;...\" --abuse --tries N --abusers N --only TEXT --api-setting Key=Value --progress --requests N --memory --grains N"),
            };
        }

        return options;
    }
}
