using Actors.Contracts.Outbox;
using Npgsql;

namespace Actors.Persistence.Outbox;

/// <summary>
/// Something downstream of the outbox (a read model, notifications, audit...). The relay gives it batches in
/// commit order inside a transaction that also moves its checkpoint, so its database effects happen exactly once:
/// a failure rolls back the effects and the checkpoint together, and the batch comes again.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>
    /// The checkpoint's key. Stable: renaming a consumer makes it start again from the oldest event kept. Delivered events
    /// are kept <c>Outbox:RetainFor</c> (30 days; <see cref="OutboxPruner"/>), so a consumer added by a later release sees
    /// those only: its read model takes what came before from its source (a backfill, as <c>RetentionBackfill</c> does).
    /// </summary>
    string Name { get; }

    /// <summary>
    /// The consumers of one lane share the relay's rounds in a process: one idle probe, one read of the batch and one
    /// transaction that moves all their checkpoints (each consumer still from its own checkpoint, exactly once, in
    /// order). By default a consumer has a lane of its own; <see cref="OutboxLanes"/> names the built-in ones.
    /// </summary>
    string Lane => Name;

    /// <summary>Event types it wants (<see cref="OutboxEventTypes"/>); the others are skipped but still checkpointed.</summary>
    IReadOnlySet<string> HandledTypes { get; }

    /// <summary>
    /// Applies a batch (never empty) using <paramref name="connection"/> and <paramref name="transaction"/> for every
    /// database effect. Throwing rolls the batch back; it is retried later.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
