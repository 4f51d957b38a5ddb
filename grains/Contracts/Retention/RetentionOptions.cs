using Actors.Contracts.Requests;

namespace Actors.Contracts.Retention;

/// <summary>
/// Configuration section "Retention": how long a request in each final status keeps its personal data (law 2004-63:
/// data kept no longer than its purpose needs), counted from the moment it reached that status, and how often the
/// purge sweeps. Keys are the final statuses (<c>Retention:Delivered</c>, <c>Retention:Rejected</c>...), values
/// <see cref="TimeSpan"/>s ("730.00:00:00"). Each default's reason is in docs/security.md ("Retention").
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public const string Rules =
        "Retention: every final status (Delivered, Issued, Referred, Rejected, Cancelled, Expired) keeps its data at least one day "
        + "and at most 20 years; SweepPeriod is 1 minute to 7 days; BatchSize is 1 to 10 000.";

    /// <summary>A card handed over: claims about the card (a wrong name, a lost card before collection) come within the first years.</summary>
    public TimeSpan Delivered { get; set; } = TimeSpan.FromDays(730);

    /// <summary>A bulletin no. 3 issued: valid three months; kept a year so that its verification and disputes can be answered.</summary>
    public TimeSpan Issued { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Referred to the court clerk's office: the citizen follows up there; a year covers the follow-up.</summary>
    public TimeSpan Referred { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Rejected: long enough for an administrative appeal and its answer.</summary>
    public TimeSpan Rejected { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Cancelled by the citizen or a desk: nothing left to do but answer a question about a refund.</summary>
    public TimeSpan Cancelled { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Expired (unpaid, unbooked, too many no-shows): as for a cancellation.</summary>
    public TimeSpan Expired { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the purge sweeps (a durable reminder); once a day by default.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Requests one day's bucket purges per call, so that no call outlives Orleans' response timeout.</summary>
    public int BatchSize { get; set; } = 500;

    public bool IsValid =>
        Policy().Periods.All(p => p.Period >= TimeSpan.FromDays(1) && p.Period <= TimeSpan.FromDays(20 * 366))
        && SweepPeriod >= TimeSpan.FromMinutes(1) && SweepPeriod <= TimeSpan.FromDays(7)
        && BatchSize is >= 1 and <= 10_000;

    /// <summary>The periods as the grains receive them.</summary>
    public RetentionPolicy Policy() => new(
    [
        new RetentionPeriod(RequestStatus.Delivered, Delivered),
        new RetentionPeriod(RequestStatus.Issued, Issued),
        new RetentionPeriod(RequestStatus.Referred, Referred),
        new RetentionPeriod(RequestStatus.Rejected, Rejected),
        new RetentionPeriod(RequestStatus.Cancelled, Cancelled),
        new RetentionPeriod(RequestStatus.Expired, Expired),
    ]);
}
