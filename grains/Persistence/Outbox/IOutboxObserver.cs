using Actors.Contracts.Outbox;

namespace Actors.Persistence.Outbox;

/// <summary>
/// Hears about batches after a consumer's transaction committed, e.g. to push live updates on Orleans streams.
/// Best effort: a failure here is logged and the batch is not retried, because its effects are already committed.
/// </summary>
public interface IOutboxObserver
{
    /// <summary>Called once per committed batch of each consumer; filter on <paramref name="consumer"/> to see each event once.</summary>
    Task OnAppliedAsync(string consumer, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);
}
