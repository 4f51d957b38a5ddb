using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;
using Microsoft.Extensions.Logging;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Carries each committed <see cref="RequestStatusChanged"/> live on Orleans streams (one stream per
/// request) for the <c>requestStatusChanged</c> subscription. Best effort by design: the durable
/// path is the outbox. A submission has no subscriber yet (one subscribes to an existing request).
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
                    .GetStream<RequestStatusChanged>(StreamId.Create(StreamNames.RequestStatus, change.Request.Id));
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
