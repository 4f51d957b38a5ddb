using System.Collections.Concurrent;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Carries each committed <see cref="RequestStatusChanged"/> live on Orleans streams for the <c>requestStatusChanged</c>
/// subscription: on the shared stream of the request's partition (<see cref="StreamNames.RequestStatusShared"/>),
/// never on a stream of its own, so that stream pub-sub state (persisted, one row per stream id) stays a fixed handful
/// of rows instead of one per request and a step writes none. Best effort by design: the durable path is the outbox.
/// </summary>
public sealed class LiveUpdatePublisher(IClusterClient client, ILogger<LiveUpdatePublisher> logger)
{
    // One handle per partition for the whole silo. Asked for inside a request grain's turn, Orleans would otherwise
    // keep a handle (and a stream directory) in every request activation that ever published, some 0.5 KB each
    // (docs/benchmarks.md, "Memory per request grain"). A handle is a stream id and a lazily made producer, usable
    // from any grain; if the activation whose turn created one goes, Orleans drops its producer and the handle makes
    // another on its next publish.
    private readonly ConcurrentDictionary<int, IAsyncStream<RequestStatusChanged>> partitions = new();

    /// <summary>
    /// Publishes the transition's status changes: the records the grain committed, as they are (parsing their JSON back
    /// was 1.6 % of a silo's CPU per transition).
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var change in events.OfType<RequestStatusChanged>())
        {
            try
            {
                await StreamOf(StreamNames.RequestStatusPartition(change.Request.Id)).OnNextAsync(change);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A lost live notification is recoverable (clients re-read); a failed transition is not.
                logger.LogWarning(ex, "Live update for {Request} v{Version} not published", change.Request.Id, change.Version);
            }
        }
    }

    /// <summary>How many partition handles this silo holds: at most <see cref="StreamNames.RequestStatusPartitions"/>, whatever the requests.</summary>
    public int HeldStreams => partitions.Count;

    private IAsyncStream<RequestStatusChanged> StreamOf(int partition) =>
        partitions.GetOrAdd(partition, p => client.GetStreamProvider(StreamNames.Provider)
            .GetStream<RequestStatusChanged>(StreamId.Create(StreamNames.RequestStatusShared, p)));
}
