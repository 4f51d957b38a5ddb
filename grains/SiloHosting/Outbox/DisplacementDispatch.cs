using Actors.Contracts.Outbox;
using Actors.Contracts.Scheduling;
using Microsoft.Extensions.Logging;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Embedded mode: the bookings a center's closure or suspension hits are moved or cancelled after the center's own
/// turn, never inside it: each request asks the center for its calendar, which a turn still publishing would block.
/// </summary>
public sealed class DisplacementDispatch(IGrainFactory grains, ILogger<DisplacementDispatch> logger)
{
    public void Dispatch(IReadOnlyList<OutboxEvent> events)
    {
        if (!events.Any(e => BookingDisplacements.Types.Contains(e.Type)))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await BookingDisplacements.Dispatch(grains, events);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Bookings hit by a center change were not all moved; an agent can reschedule them.");
            }
        });
    }
}
