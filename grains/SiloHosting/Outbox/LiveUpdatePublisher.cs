using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;
using Microsoft.Extensions.Logging;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Carries each committed <see cref="RequestStatusChanged"/> live on Orleans streams for the <c>requestStatusChanged</c>
/// subscription: on the shared stream of the request's partition (<see cref="StreamNames.RequestStatusShared"/>),
/// never on a stream of its own, so that stream pub-sub state (persisted, one row per stream id) stays a fixed handful
/// of rows instead of one per request and a step writes none. Best effort by design: the durable path is the outbox.
/// </summary>
public sealed class LiveUpdatePublisher(IClusterClient client, ILogger<LiveUpdatePublisher> logger)
{
    public async Task PublishAsync(IReadOnlyList<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            if (e.Type != nameof(RequestStatusChanged))
            {
                continue;
            }

            try
            {
                var change = OutboxJson.Deserialize<RequestStatusChanged>(e.Payload);
                var stream = client.GetStreamProvider(StreamNames.Provider)
                    .GetStream<RequestStatusChanged>(StreamId.Create(StreamNames.RequestStatusShared, StreamNames.RequestStatusPartition(change.Request.Id)));
                await stream.OnNextAsync(change);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A lost live notification is recoverable (clients re-read); a failed transition is not.
                logger.LogWarning(ex, "Live update for {AggregateId} v{Version} not published", e.AggregateId, e.Version);
            }
        }
    }
}
