using System.Globalization;
using Actors.Contracts.Scheduling;

namespace Actors.Demo;

/// <summary>The command line: <see cref="Usage"/>.</summary>
public sealed record DemoArguments(int Requests, int Seed, DateOnly Start, int Days, bool Postgres, string? Connection, bool Bulk, int Parallel)
{
    public const string Usage = """
        dotnet run --project tools/demo -- [--requests N] [--seed S] [--start YYYY-MM-DD] [--days D]
                                           [--backend embedded|postgres] [--connection "<PostgreSQL connection string>"]
                                           [--bulk] [--parallel P]
          --requests   how many requests (default 20000; bulk mode up to 1000000)
          --seed       the plan's seed (default 42): the same seed, start and days give the same plan
          --start      the first simulated day (default: next Monday); the silo's clock only moves forward, so not in the past
          --days       how many days requests are submitted over (default 60)
          --backend    embedded: an in-process silo in memory (default); postgres: the silo writes into --connection
          --bulk       write the plan straight into the request index of --connection with COPY (no grains)
          --parallel   real paths mode: steps in flight at once (default 16);
                       bulk mode: COPY streams at once, each in its own transaction (default: one per processor)
        """;

    public static DemoArguments Parse(IReadOnlyList<string> args, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--bulk")
            {
                flags.Add(name);
            }
            else if (name is "--requests" or "--seed" or "--start" or "--days" or "--backend" or "--connection" or "--parallel")
            {
                values[name] = i + 1 < args.Count ? args[++i] : throw new DemoUsageException($"{name} needs a value.");
            }
            else
            {
                throw new DemoUsageException($"Unknown argument {name}.");
            }
        }

        var bulk = flags.Contains("--bulk");
        var connection = values.GetValueOrDefault("--connection");
        var backend = values.GetValueOrDefault("--backend") ?? (bulk || connection is not null ? "postgres" : "embedded");
        if (backend is not ("embedded" or "postgres"))
        {
            throw new DemoUsageException("--backend is embedded or postgres.");
        }

        if (backend == "postgres" && string.IsNullOrWhiteSpace(connection))
        {
            throw new DemoUsageException("The postgres backend and --bulk need --connection.");
        }

        var requests = Number(values, "--requests", 20_000, 1, 1_000_000);
        return new DemoArguments(
            requests,
            Number(values, "--seed", 42, int.MinValue, int.MaxValue),
            values.TryGetValue("--start", out var start)
                ? DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : throw new DemoUsageException("--start is a day, YYYY-MM-DD.")
                : NextMonday(now),
            Number(values, "--days", 60, 1, 366),
            backend == "postgres",
            connection,
            bulk,
            Number(values, "--parallel", bulk ? Environment.ProcessorCount : 16, 1, 256));
    }

    private static DateOnly NextMonday(DateTimeOffset now)
    {
        var day = TunisTime.DayOf(now).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new DemoUsageException($"{name} is a whole number from {min} to {max}.");
    }
}
