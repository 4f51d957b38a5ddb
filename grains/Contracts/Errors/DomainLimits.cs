namespace Actors.Contracts.Errors;

/// <summary>
/// Limits that several grains enforce alike, so that the same input is refused the same way
/// whatever it is attached to (a request's step, a center's suspension, a fund's allocation).
/// </summary>
public static class DomainLimits
{
    /// <summary>A reason or note given with a step, in characters after trimming.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Appointments per day a center can plan (ours: the largest office of the network is far below).</summary>
    public const int MaxDailyCapacity = 100_000;
}
