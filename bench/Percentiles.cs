using System.Globalization;

namespace Actors.Bench;

/// <summary>Nearest-rank percentiles of measured milliseconds, formatted for the tables.</summary>
public static class Percentiles
{
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
    }

    /// <summary>"p50 / p99" in milliseconds with one decimal.</summary>
    public static string Pair(IEnumerable<double> values)
    {
        var all = values.ToArray();
        return $"{Of(all, 0.50).ToString("F1", CultureInfo.InvariantCulture)} / {Of(all, 0.99).ToString("F1", CultureInfo.InvariantCulture)}";
    }
}
