using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Microsoft.Extensions.Logging;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Carries committed request changes live on Orleans streams (one stream per request) for the
/// <c>requestStatusChanged</c> subscription. Best effort by design: the durable path is the outbox.
/// </summary>
public sealed class LiveUpdatePublisher(IClusterClient client, ILogger<LiveUpdatePublisher> logger)
{
    public async Task PublishAsync(IReadOnlyList<OutboxEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Type != OutboxEventTypes.CitizenRequestChanged)
            {
                continue;
            }

            try
            {
                var entry = OutboxJson.Deserialize<RequestIndexEntry>(e.Payload);
                var stream = client.GetStreamProvider(StreamNames.Provider)
                    .GetStream<RequestIndexEntry>(StreamId.Create(StreamNames.RequestStatus, entry.Id));
                await stream.OnNextAsync(entry);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A lost live notification is recoverable (clients re-read); a failed transition is not.
                logger.LogWarning(ex, "Live update for {AggregateId} v{Version} not published", e.AggregateId, e.Version);
            }
        }
    }
}
