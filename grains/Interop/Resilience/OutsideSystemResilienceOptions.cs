namespace Actors.Interop.Resilience;

/// <summary>
/// How we call one outside system (configuration section <c>Interop:&lt;System&gt;</c>, e.g. <c>Interop:CivilRegistry</c>).
/// The defaults suit a registry that answers in well under a second and is sometimes briefly down.
/// </summary>
public sealed class OutsideSystemResilienceOptions
{
    /// <summary>Each attempt is cut after this long (from 10 ms).</summary>
    public int TimeoutMilliseconds { get; set; } = 2000;

    /// <summary>Retries after the first attempt, for idempotent calls only; 0 turns retries off.</summary>
    public int RetryAttempts { get; set; } = 2;

    /// <summary>The first backoff; each next one roughly doubles, with jitter so that silos do not retry in step.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 200;

    public OutsideSystemCircuitBreakerOptions CircuitBreaker { get; set; } = new();
}
