using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.Bench;

/// <summary>
/// A closed loop for read benchmarks: N clients each repeat one call for the given time, back to back, as pgbench's
/// clients do with their script, so that the API and the hand-written SQL are loaded the same way.
/// </summary>
public sealed class ScaleQueryLoad
{
    private readonly ConcurrentQueue<(double StartedMs, double Ms)> _calls = new();
    private int _failures;
    private string? _firstFailure;

    /// <summary>Milliseconds per successful call, once the run is over.</summary>
    public IReadOnlyCollection<double> Latencies { get; private set; } = [];

    public int Failures => Volatile.Read(ref _failures);

    public string? FirstFailure => _firstFailure;

    public double Seconds { get; private set; }

    /// <summary>Runs <paramref name="clients"/> loops of <paramref name="call"/>; a call that returns a problem (non-null) or throws counts as a failure.</summary>
    public async Task RunAsync(int clients, int seconds, Func<Task<string?>> call)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                string? problem;
                try
                {
                    problem = await call();
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    problem = $"{ex.GetType().Name}: {ex.Message}";
                }

                if (problem is null)
                {
                    _calls.Enqueue((started, clock.Elapsed.TotalMilliseconds - started));
                }
                else
                {
                    Interlocked.Increment(ref _failures);
                    Interlocked.CompareExchange(ref _firstFailure, problem, null);
                }
            }
        })));
        Seconds = clock.Elapsed.TotalSeconds;
        Latencies = _calls.Select(c => c.Ms).ToArray();
    }

    /// <summary>
    /// Where the slowest 1 % of calls fell in time: how many of the phase's 100 ms windows they started in, and the p99
    /// of the calls outside the windows that hold most of them. A tail of a few stalls (a long GC pause, a checkpoint)
    /// sits in a few windows and leaves the rest fast; a tail of queueing is spread over the whole phase.
    /// </summary>
    public (int Windows, int AllWindows, double P99OutsideWorstTenth) Tail()
    {
        var calls = _calls.ToArray();
        if (calls.Length == 0)
        {
            return (0, 0, double.NaN);
        }

        var threshold = Percentiles.Of(calls.Select(c => c.Ms), 0.99);
        var slowByWindow = calls.Where(c => c.Ms >= threshold)
            .GroupBy(c => (int)(c.StartedMs / 100))
            .Select(g => (Window: g.Key, Count: g.Count()))
            .OrderByDescending(w => w.Count)
            .ToArray();
        var allWindows = (int)(calls.Max(c => c.StartedMs) / 100) + 1;
        var worst = slowByWindow.Take(Math.Max(1, allWindows / 10)).Select(w => w.Window).ToHashSet();
        var outside = calls.Where(c => !worst.Contains((int)(c.StartedMs / 100))).Select(c => c.Ms);
        return (slowByWindow.Length, allWindows, Percentiles.Of(outside, 0.99));
    }
}
