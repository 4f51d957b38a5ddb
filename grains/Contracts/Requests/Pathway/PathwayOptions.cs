namespace Actors.Contracts.Requests.Pathway;

/// <summary>
/// Configuration section "Pathway": whether requests move by themselves, how the pathway waits for an
/// outside system that does not answer, and the payment deadlines (ours: a reminder after two days, expiry
/// after seven, as the circular's e-services expect a prompt but not a hurried payment).
/// </summary>
public sealed class PathwayOptions
{
    public const string Section = "Pathway";

    /// <summary>Off: every step is an agent's, as before the automatic pathway (an operator's switch during an outage).</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>The first wait after an outside system failed; doubled at each failure in a row, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When the citizen is reminded of an unpaid fee, from the request's arrival in AWAITING_PAYMENT.</summary>
    public TimeSpan PaymentReminderAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>When an unpaid request expires, from its arrival in AWAITING_PAYMENT.</summary>
    public TimeSpan PaymentExpiresAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The durable reminder's period while work waits: what a crashed silo's pathway waits at most before resuming.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsValid =>
        RetryDelay > TimeSpan.Zero && MaxRetryDelay >= RetryDelay && PaymentReminderAfter > TimeSpan.Zero
        && PaymentExpiresAfter > PaymentReminderAfter && ReminderPeriod >= TimeSpan.FromMinutes(1);
}
