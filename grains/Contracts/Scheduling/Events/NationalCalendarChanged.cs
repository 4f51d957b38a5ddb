using Actors.Contracts.Outbox;

namespace Actors.Contracts.Scheduling.Events;

/// <summary>
/// An operator changed the national calendar: the holiday or the period added or removed. A holiday added
/// closes every center that day, so the bookings it hits have to be moved (the booking side reads this).
/// </summary>
public sealed record NationalCalendarChanged(
    string Actor,
    long Version,
    DateTimeOffset At,
    NationalCalendarChange Change,
    PublicHoliday? Holiday,
    SpecialHoursPeriod? Period) : IDomainEvent;
