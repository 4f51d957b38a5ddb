namespace Actors.Contracts.Retention;

/// <summary>
/// What a sweep did: requests purged (each counted once, however often the sweep is retried), moved to a later day
/// (their period was lengthened), and left in a bucket; the last day closed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RetentionSweep(
    [property: Id(0)] int Purged,
    [property: Id(1)] int Rescheduled,
    [property: Id(2)] int Remaining,
    [property: Id(3)] DateOnly? ClosedThrough);
