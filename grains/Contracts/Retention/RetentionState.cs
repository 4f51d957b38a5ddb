namespace Actors.Contracts.Retention;

/// <summary>The sweep's progress: the first day whose bucket may still hold requests; and whether the backfill has run.</summary>
[GenerateSerializer]
public sealed class RetentionState
{
    [Id(0)] public DateOnly? OpenFrom { get; set; }
    [Id(1)] public DateTimeOffset? LastSweepAt { get; set; }

    /// <summary>
    /// When the one-time backfill finished: every request that was final before the retention existed is in its day's
    /// bucket. Null in states written before the backfill existed, so that it runs once on them.
    /// </summary>
    [Id(2)] public DateTimeOffset? BackfilledAt { get; set; }

    /// <summary>How many final requests the backfill put in buckets, for the record.</summary>
    [Id(3)] public int Backfilled { get; set; }
}
