using Actors.Contracts.Scheduling;

namespace Actors.Contracts.Centers.Events;

/// <summary>
/// An operator changed the center's published calendar. <see cref="Closure"/> is set for a closure added or
/// removed (a closure added cancels or moves the bookings of its days: the booking side reads it from here),
/// <see cref="Period"/> for a special-hours period; <see cref="Calendar"/> is the calendar after the change.
/// </summary>
public sealed record CenterCalendarChanged(
    string Actor,
    long Version,
    DateTimeOffset At,
    string CenterCode,
    CenterCalendarChange Change,
    CenterClosure? Closure,
    SpecialHoursPeriod? Period,
    CenterCalendar Calendar,
    ServiceCenterView Center) : ICenterEvent;
