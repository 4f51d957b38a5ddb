using System.Globalization;

namespace Actors.Bench;

/// <summary>What one read phase measured: the latency of every answered request (ms), the failures, and how long it ran.</summary>
public sealed record ReadResult(double[] Latencies, int Failed, double Seconds, string? FirstFailure)
{
    public double PerSecond => Latencies.Length / Seconds;

    public double P50 => Percentiles.Of(Latencies, 0.50);

    public double P99 => Percentiles.Of(Latencies, 0.99);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{PerSecond:F0}/s, p50 {P50:F1} ms, p99 {P99:F1} ms ({Latencies.Length} answered, {Failed} failed in {Seconds:F1} s)");
}
