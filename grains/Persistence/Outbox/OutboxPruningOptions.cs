namespace Actors.Persistence.Outbox;

/// <summary>
/// <c>Outbox</c> settings of a silo on PostgreSQL: how long delivered outbox events are kept (<see cref="OutboxPruner"/>).
/// </summary>
public sealed class OutboxPruningOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// Events every consumer has applied are deleted once they are this old; <see cref="TimeSpan.Zero"/> keeps them all.
    /// A consumer added later starts from the oldest event kept (its read model needs a backfill for what came before).
    /// </summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often a silo looks for events to delete (one silo deletes at a time).</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Events deleted per transaction, so that a first pass over a long history holds no lock for long.</summary>
    public int PruneBatch { get; set; } = 5_000;
}
