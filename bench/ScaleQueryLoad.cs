using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.Bench;

/// <summary>
/// A closed loop for read benchmarks: N clients each repeat one call for the given time, back to back, as pgbench's
/// clients do with their script, so that the API and the hand-written SQL are loaded the same way.
/// </summary>
public sealed class ScaleQueryLoad
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private int _failures;
    private string? _firstFailure;

    /// <summary>Milliseconds per successful call.</summary>
    public IReadOnlyCollection<double> Latencies => _latencies;

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
                    _latencies.Enqueue(clock.Elapsed.TotalMilliseconds - started);
                }
                else
                {
                    Interlocked.Increment(ref _failures);
                    Interlocked.CompareExchange(ref _firstFailure, problem, null);
                }
            }
        })));
        Seconds = clock.Elapsed.TotalSeconds;
    }
}
