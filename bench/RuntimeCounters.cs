using System.Globalization;

namespace Actors.Bench;

/// <summary>
/// A host's .NET runtime counters as its Prometheus endpoint (<c>/metrics</c>) shows them: bytes allocated on the managed
/// heap and time paused in garbage collections since it started. Read before and after a phase, they give what each
/// answer cost in allocations — a figure that, unlike CPU time on a shared machine, barely moves from run to run.
/// With them, ASP.NET Core's own request durations and Npgsql's statement durations: how many answers and statements
/// took the host longer than a bound from its side of the socket, to tell a tail the host makes from one made on the
/// way (the load generator, the kernel's queues).
/// </summary>
public sealed record RuntimeCounters(
    double AllocatedBytes, double GcPauseSeconds,
    double Answers = 0, double AnswersWithinBound = 0, double Statements = 0, double StatementsWithinBound = 0)
{
    private const string Allocated = "dotnet_gc_heap_total_allocated_bytes_total";
    private const string Paused = "dotnet_gc_pause_time_seconds_total";
    private const string Durations = "http_server_request_duration_seconds";
    private const string StatementDurations = "db_client_operation_duration_seconds";

    /// <summary>
    /// The counters now; zeros when the host does not answer (the phase's figures then read as unknown, not as a failure).
    /// Answers and statements are counted within <paramref name="boundSeconds"/>, one of the histograms' bucket
    /// boundaries (0.005, 0.01, 0.025, 0.05, ...).
    /// </summary>
    public static async Task<RuntimeCounters> ReadAsync(HttpClient http, Uri baseAddress, double boundSeconds = 0.05)
    {
        string text;
        try
        {
            text = await http.GetStringAsync(new Uri(baseAddress, "/metrics"));
        }
        catch (HttpRequestException)
        {
            return new RuntimeCounters(0, 0);
        }

        return new RuntimeCounters(
            Sum(text, Allocated), Sum(text, Paused),
            Sum(text, Durations + "_count"), Sum(text, Durations + "_bucket", Bucket(boundSeconds)),
            Sum(text, StatementDurations + "_count"), Sum(text, StatementDurations + "_bucket", Bucket(boundSeconds)));
    }

    /// <summary>Answers over a phase that took the host longer than the bound it was read with, of all it gave.</summary>
    public static (double Slow, double All) SlowAnswers(RuntimeCounters before, RuntimeCounters after)
    {
        var all = after.Answers - before.Answers;
        return (all - (after.AnswersWithinBound - before.AnswersWithinBound), all);
    }

    /// <summary>Npgsql's statements (batches) over a phase that took longer than the bound from the host's side, of all it sent.</summary>
    public static (double Slow, double All) SlowStatements(RuntimeCounters before, RuntimeCounters after)
    {
        var all = after.Statements - before.Statements;
        return (all - (after.StatementsWithinBound - before.StatementsWithinBound), all);
    }

    private static string Bucket(double boundSeconds) => string.Create(CultureInfo.InvariantCulture, $"le=\"{boundSeconds}\"");

    /// <summary>Per answer over a phase: KB allocated and milliseconds of GC pauses per thousand answers.</summary>
    public static (double KilobytesPerAnswer, double PauseMsPerThousand) Per(RuntimeCounters before, RuntimeCounters after, long answers)
    {
        var n = Math.Max(1, answers);
        return ((after.AllocatedBytes - before.AllocatedBytes) / 1024 / n, (after.GcPauseSeconds - before.GcPauseSeconds) * 1000 * 1000 / n);
    }

    /// <summary>
    /// The sum of a metric's samples over its label sets (Prometheus text format: <c>name{labels} value</c>), or over
    /// those whose labels hold <paramref name="label"/>.
    /// </summary>
    private static double Sum(string text, string metric, string? label = null)
    {
        var total = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            if (label is not null && !line.AsSpan(0, line.LastIndexOf(' ')).Contains(label, StringComparison.Ordinal))
            {
                continue;
            }

            var value = line[(line.LastIndexOf(' ') + 1)..];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                total += parsed;
            }
        }

        return total;
    }
}
