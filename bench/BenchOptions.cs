using System.Globalization;

namespace Actors.Bench;

/// <summary>Command-line options: --clients N (default 4), --seconds S (20), --warmup W (5), --scale K (pgbench -s, 10), --keep-logs,
/// --statements (pg_stat_statements: where PostgreSQL spends its time during the API run),
/// --npgsql "Key=Value;..." (added to the hosts' connection string, e.g. "Max Auto Prepare=32" to try Npgsql's automatic preparation).</summary>
public sealed record BenchOptions(int Clients, int Seconds, int Warmup, int Scale, bool KeepLogs, bool Statements, string? Npgsql)
{
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
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --clients N --seconds S --warmup W --scale K --keep-logs --statements --npgsql \"Key=Value;...\""),
            };
        }

        return options;
    }
}
