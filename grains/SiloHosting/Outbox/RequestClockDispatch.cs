using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Clocks;
using Microsoft.Extensions.Logging;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Embedded mode: the service-level clock of each request hears of its events straight from the publisher (there is
/// no relay). Always on. A clock that cannot be woken must not undo the step, which is already stored: it is logged,
/// and the request's next change wakes it again.
/// </summary>
public sealed class RequestClockDispatch(IGrainFactory grains, ILogger<RequestClockDispatch> logger)
{
    public async Task DispatchAsync(IReadOnlyList<OutboxEvent> events)
    {
        try
        {
            await ClockTriggers.Wake(grains, events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The service-level clock of {Requests} could not be woken.", string.Join(", ", ClockTriggers.RequestsIn(events)));
        }
    }
}
