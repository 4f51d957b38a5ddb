namespace Actors.Contracts.Retention;

/// <summary>What asking a request to purge its personal data did.</summary>
public enum PurgeOutcome
{
    /// <summary>Purged now: personal data removed, a RequestPurged event committed.</summary>
    Purged,

    /// <summary>Purged before: nothing changed (a retried sweep).</summary>
    AlreadyPurged,

    /// <summary>Final, but its period has not ended: see <see cref="PurgeResult.DueAt"/>.</summary>
    NotDue,

    /// <summary>No such request, or one that is not in a final status: nothing to purge, ever, from this entry.</summary>
    NotFinal,
}
