namespace Actors.Interop.Resilience;

/// <summary>
/// When to stop calling a system for a while (section <c>Interop:&lt;System&gt;:CircuitBreaker</c>): once at least
/// <see cref="MinimumThroughput"/> calls in <see cref="SamplingDurationSeconds"/> failed in a ratio of at least
/// <see cref="FailureRatio"/>, calls fail at once for <see cref="BreakDurationSeconds"/>, then one trial call decides.
/// </summary>
public sealed class OutsideSystemCircuitBreakerOptions
{
    /// <summary>Between 0 and 1.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>At least 2: fewer calls say nothing about the system's health.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>From 0.5 s.</summary>
    public double SamplingDurationSeconds { get; set; } = 30;

    /// <summary>From 0.5 s.</summary>
    public double BreakDurationSeconds { get; set; } = 30;
}
