using Actors.Contracts.Campaigns;
using Actors.Contracts.Outbox;
using Microsoft.Extensions.Logging;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Embedded mode: campaigns count pupils' requests from the committed events, straight from the publisher. A count that
/// fails must not undo the step, which is already stored: it is logged, and the request's next event brings the
/// milestones again (they are cumulative).
/// </summary>
public sealed class CampaignDispatch(IGrainFactory grains, ILogger<CampaignDispatch> logger)
{
    public async Task DispatchAsync(IReadOnlyList<OutboxEvent> events)
    {
        try
        {
            await CampaignCounting.Count(grains, events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Campaign counters missed a batch of {Count} events; the requests' next events bring them up to date.", events.Count);
        }
    }
}
