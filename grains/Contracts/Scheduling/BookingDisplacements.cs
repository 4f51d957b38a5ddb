using Actors.Contracts.Centers;
using Actors.Contracts.Centers.Events;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;

namespace Actors.Contracts.Scheduling;

/// <summary>Which center events displace bookings, read out of the outbox for every consumer (embedded and PostgreSQL).</summary>
public static class BookingDisplacements
{
    public static IReadOnlySet<string> Types { get; } =
        new HashSet<string>([nameof(CenterCalendarChanged), nameof(CenterPhaseChanged)], StringComparer.Ordinal);

    /// <summary>Hands each closure added and each stop of bookings to its center's displacement grain, and waits for it.</summary>
    public static async Task Dispatch(IGrainFactory grains, IReadOnlyList<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case nameof(CenterCalendarChanged):
                    var changed = e.PayloadAs<CenterCalendarChanged>();
                    if (changed is { Change: CenterCalendarChange.ClosureAdded, Closure: { } closure })
                    {
                        await grains.Reference<IBookingDisplacementGrain>(changed.CenterCode).ClosureAdded(closure);
                    }

                    break;
                case nameof(CenterPhaseChanged):
                    var phase = e.PayloadAs<CenterPhaseChanged>();
                    if (phase.From is RolloutPhase.Pilot or RolloutPhase.Live && !phase.Center.TakesRequests)
                    {
                        await grains.Reference<IBookingDisplacementGrain>(phase.Center.Code).StoppedTakingBookings(phase.To, phase.Reason);
                    }

                    break;
            }
        }
    }
}
