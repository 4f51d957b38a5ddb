using Actors.Contracts.Centers;
using Orleans.Concurrency;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// The seats of one center, one desk category and one local day (key <see cref="DayScheduleKeys"/>): the one
/// place that decides whether a slot still has a free desk, so no slot ever holds more people than its desks.
/// A booking first holds a seat, the request commits, then the hold is confirmed; a hold nobody confirms
/// within its lifetime goes back to the pool by itself (a timer, and a reminder that survives a crashed silo).
/// </summary>
public interface ICenterDayScheduleGrain : IGrainWithStringKey
{
    /// <summary>Holds a seat for a request, or returns the seat this hold id already has (a retry).</summary>
    Task<HoldOutcome> Hold(SlotHold hold);

    /// <summary>The hold becomes a booking; false when no such hold exists (it was released meanwhile).</summary>
    Task<bool> Confirm(string holdId);

    /// <summary>Frees the seat of this hold or booking at once; releasing an unknown hold changes nothing.</summary>
    Task Release(string holdId);

    [ReadOnly]
    Task<IReadOnlyList<DaySeat>> Seats();

    /// <summary>The day's slots of a service with their bookings counted (empty on a closed day).</summary>
    [ReadOnly]
    Task<IReadOnlyList<AppointmentSlot>> Slots(CenterService service);
}
