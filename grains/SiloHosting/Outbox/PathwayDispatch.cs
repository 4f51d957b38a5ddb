using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Pathway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Embedded mode: the automatic pathway hears of a request's events straight from the publisher (there is
/// no relay). Registered by full silos only, so test clusters without outside systems never wake a pathway.
/// A pathway that cannot be woken must not undo the citizen's step, which is already stored: it is logged.
/// </summary>
public sealed class PathwayDispatch(IGrainFactory grains, IOptionsMonitor<PathwayOptions> options, ILogger<PathwayDispatch> logger)
{
    public async Task DispatchAsync(IReadOnlyList<OutboxEvent> events)
    {
        if (!options.CurrentValue.Automatic)
        {
            return;
        }

        try
        {
            await PathwayTriggers.Wake(grains, events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The automatic pathway of {Requests} could not be woken; an agent can still take each step.",
                string.Join(", ", PathwayTriggers.RequestsIn(events)));
        }
    }
}
