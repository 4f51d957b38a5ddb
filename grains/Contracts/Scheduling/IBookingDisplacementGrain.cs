using Actors.Contracts.Centers;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// Moves or cancels the bookings a center can no longer honour (key: the center's code), one change at a time:
/// a closure covers their day, or the center stopped taking bookings. Each affected request decides for itself
/// (<see cref="Requests.ICitizenRequestGrain.DisplaceAppointment"/>), so running an order twice changes nothing.
/// </summary>
public interface IBookingDisplacementGrain : IGrainWithStringKey
{
    Task ClosureAdded(CenterClosure closure);

    Task StoppedTakingBookings(RolloutPhase phase, string? reason);
}
