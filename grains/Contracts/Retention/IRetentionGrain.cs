using Orleans.Concurrency;

namespace Actors.Contracts.Retention;

/// <summary>
/// The purge's one durable reminder (key 0): every <see cref="RetentionOptions.SweepPeriod"/> it sweeps the day
/// buckets from the first one still open through today.
/// </summary>
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder exists; called whenever requests are scheduled. Interleaved: it never waits on a sweep.</summary>
    [AlwaysInterleave]
    Task Start();

    /// <summary>Sweeps now (what the reminder does); a retried or concurrent sweep purges nothing twice.</summary>
    Task<RetentionSweep> Sweep();
}
