using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Actors.Bench;

/// <summary>
/// The targets every mode measured in this process, for the one table <c>--all</c> prints at the end. A mode records
/// each ratio it prints, whether or not it is run by --all.
/// </summary>
public static class TargetSummary
{
    private static readonly ConcurrentQueue<TargetResult> Results = new();

    public static IReadOnlyCollection<TargetResult> All => Results;

    /// <summary>A figure that must be at least <paramref name="minimum"/> (a throughput ratio).</summary>
    public static TargetResult AtLeast(string measure, double figure, double minimum) =>
        Add(new TargetResult(measure, figure, "≥ " + minimum.ToString("0.0#", CultureInfo.InvariantCulture), figure >= minimum));

    /// <summary>A figure that must be at most <paramref name="maximum"/> (a latency or cost ratio).</summary>
    public static TargetResult AtMost(string measure, double figure, double maximum) =>
        Add(new TargetResult(measure, figure, "≤ " + maximum.ToString("0.0#", CultureInfo.InvariantCulture), figure <= maximum));

    /// <summary>A mode that stopped before measuring: its targets count as not met.</summary>
    public static TargetResult Failed(string measure, string why) => Add(new TargetResult(measure + " (" + why + ")", double.NaN, "ran", false));

    public static string Table()
    {
        var table = new StringBuilder();
        table.AppendLine("| measure | ratio | target | met |");
        table.AppendLine("|---|---|---|---|");
        foreach (var result in Results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Measure} | {result.Figure.ToString("F2", CultureInfo.InvariantCulture)} | {result.Target} | {(result.Met ? "pass" : "FAIL")} |");
        }

        return table.ToString();
    }

    private static TargetResult Add(TargetResult result)
    {
        Results.Enqueue(result);
        return result;
    }
}
