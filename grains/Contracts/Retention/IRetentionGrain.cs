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

    /// <summary>When the one-time backfill of requests that became final before the retention existed finished; null if never.</summary>
    [AlwaysInterleave]
    Task<DateTimeOffset?> BackfilledAt();

    /// <summary>Records that the backfill put <paramref name="requests"/> final requests in their buckets; the first record stays.</summary>
    Task MarkBackfilled(int requests);
}
