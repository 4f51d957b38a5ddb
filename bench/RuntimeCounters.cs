using System.Globalization;

namespace Actors.Bench;

/// <summary>
/// A host's .NET runtime counters as its Prometheus endpoint (<c>/metrics</c>) shows them: bytes allocated on the managed
/// heap and time paused in garbage collections since it started. Read before and after a phase, they give what each
/// answer cost in allocations — a figure that, unlike CPU time on a shared machine, barely moves from run to run.
/// </summary>
public sealed record RuntimeCounters(double AllocatedBytes, double GcPauseSeconds)
{
    private const string Allocated = "dotnet_gc_heap_total_allocated_bytes_total";
    private const string Paused = "dotnet_gc_pause_time_seconds_total";

    /// <summary>The counters now; zeros when the host does not answer (the phase's figures then read as unknown, not as a failure).</summary>
    public static async Task<RuntimeCounters> ReadAsync(HttpClient http, Uri baseAddress)
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

        return new RuntimeCounters(Sum(text, Allocated), Sum(text, Paused));
    }

    /// <summary>Per answer over a phase: KB allocated and milliseconds of GC pauses per thousand answers.</summary>
    public static (double KilobytesPerAnswer, double PauseMsPerThousand) Per(RuntimeCounters before, RuntimeCounters after, long answers)
    {
        var n = Math.Max(1, answers);
        return ((after.AllocatedBytes - before.AllocatedBytes) / 1024 / n, (after.GcPauseSeconds - before.GcPauseSeconds) * 1000 * 1000 / n);
    }

    /// <summary>The sum of a metric's samples over its label sets (Prometheus text format: <c>name{labels} value</c>).</summary>
    private static double Sum(string text, string metric)
    {
        var total = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not ('{' or ' '))
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
