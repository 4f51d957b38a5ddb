namespace Actors.Persistence.Audit;

/// <summary>Configuration section <c>AuditStamps</c> of a silo on PostgreSQL (<see cref="AuditStampReconciler"/>).</summary>
public sealed class AuditStampOptions
{
    public const string Section = "AuditStamps";

    /// <summary>
    /// How long a stamp waits for the entry its API sends before the entry is made from the stamp. Longer than the API's
    /// <c>Audit:RecordPatience</c> (30 s), so that an API still sending its entry is not overtaken.
    /// </summary>
    public TimeSpan CompleteAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a silo looks for stamps to settle.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Stamps settled per transaction.</summary>
    public int Batch { get; set; } = 500;
}
