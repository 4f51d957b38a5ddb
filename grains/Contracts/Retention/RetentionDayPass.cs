namespace Actors.Contracts.Retention;

/// <summary>
/// One pass over a day's bucket: requests purged now, moved to a later day, and taken out of the bucket in all
/// (purged, moved, or found purged before or gone); and how many are still waiting in it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RetentionDayPass(
    [property: Id(0)] int Purged,
    [property: Id(1)] int Rescheduled,
    [property: Id(2)] int Settled,
    [property: Id(3)] int Remaining);
