namespace Actors.Contracts.Scheduling;

/// <summary>
/// One day of a center's calendar, explained: its sessions, or why it is closed; the holiday, closure or
/// special period that decided it.
/// </summary>
public sealed record OpeningDay(
    DateOnly Date,
    IReadOnlyList<OpeningHours> Sessions,
    DayClosedReason? ClosedBecause,
    PublicHoliday? Holiday,
    CenterClosure? Closure,
    SpecialHoursPeriod? Period)
{
    /// <summary>
    /// Explains a day with the same precedence as <see cref="CenterCalendar.SessionsOn"/>: a holiday, then a
    /// closure, then a special period's hours, then the weekly hours.
    /// </summary>
    public static OpeningDay Of(CenterCalendar calendar, IReadOnlyList<PublicHoliday> holidays, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(holidays);
        if (holidays.FirstOrDefault(h => h.Date == day) is { } holiday)
        {
            return new OpeningDay(day, [], DayClosedReason.Holiday, holiday, null, null);
        }

        if (calendar.ClosureOn(day) is { } closure)
        {
            return new OpeningDay(day, [], DayClosedReason.Closure, null, closure, null);
        }

        var period = calendar.PeriodOn(day);
        var sessions = (period?.Hours ?? calendar.Hours).On(day.DayOfWeek);
        return new OpeningDay(day, sessions, sessions.Count == 0 ? DayClosedReason.Weekly : null, null, null, period);
    }
}
