using Actors.Contracts.Centers;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// One bookable time at a center for a service: as many people as the category's open desks.
/// <see cref="Booked"/> counts confirmed bookings and live holds; it is 0 in a plan that has not read the bookings.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AppointmentSlot(
    [property: Id(0)] string CenterId,
    [property: Id(1)] CenterService Service,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] int Desks,
    [property: Id(5)] int Booked = 0)
{
    public int Remaining => Math.Max(0, Desks - Booked);

    public SlotKey Key => new(CenterId, Service, StartsAt);
}
