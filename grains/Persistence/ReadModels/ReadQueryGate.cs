using System.Diagnostics;
using Actors.Telemetry;

namespace Actors.Persistence.ReadModels;

/// <summary>
/// The bound on a host's read-model queries running at once (<see cref="ReadModelOptions.MaxConcurrentQueries"/>):
/// a query enters before it takes a connection and leaves once its reader is closed. Waiters are served in the order
/// they came, and a waiter whose request is cancelled leaves the queue.
/// </summary>
public sealed class ReadQueryGate : IDisposable
{
    private readonly SemaphoreSlim? _slots;

    public ReadQueryGate(int maxConcurrentQueries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxConcurrentQueries);
        Limit = maxConcurrentQueries;
        _slots = maxConcurrentQueries == 0 ? null : new SemaphoreSlim(maxConcurrentQueries, maxConcurrentQueries);
    }

    /// <summary>No bound: what a read model built without one (a tool, a test) uses.</summary>
    public static ReadQueryGate Unbounded { get; } = new(0);

    /// <summary>Queries allowed at once; 0 for no bound.</summary>
    public int Limit { get; }

    /// <summary>Waits for a turn; dispose the result when the query's reader is closed.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (_slots is null)
        {
            return default;
        }

        if (_slots.Wait(0, CancellationToken.None))
        {
            ActorsMetrics.ReadQueryWaited(TimeSpan.Zero);
        }
        else
        {
            var waited = Stopwatch.GetTimestamp();
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            ActorsMetrics.ReadQueryWaited(Stopwatch.GetElapsedTime(waited));
        }

        return new Turn(_slots);
    }

    public void Dispose() => _slots?.Dispose();

    /// <summary>A query's turn at the gate: disposing it lets the next waiter in.</summary>
    public readonly struct Turn(SemaphoreSlim? slots) : IDisposable
    {
        public void Dispose() => slots?.Release();
    }
}
