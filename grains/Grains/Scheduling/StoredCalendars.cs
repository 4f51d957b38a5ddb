using Actors.Contracts.Scheduling;

namespace Actors.Grains.Scheduling;

/// <summary>
/// Calendars as they are stored: every list a concrete List (collection expressions produce compiler types that
/// stored state cannot read back), weekdays Monday first and sessions by opening time, so that two equal
/// calendars are stored alike and compare alike.
/// </summary>
public static class StoredCalendars
{
    public static WeeklyHours Of(WeeklyHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return new WeeklyHours(hours.Days
            .OrderBy(d => ((int)d.Day + 6) % 7)
            .Select(d => new DayHours(d.Day, d.Sessions.OrderBy(s => s.Opens).ToList()))
            .ToList());
    }

    public static SpecialHoursPeriod Of(SpecialHoursPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period with { Hours = Of(period.Hours) };
    }

    public static CenterCalendar Of(CenterCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new CenterCalendar(
            Of(calendar.Hours),
            calendar.SpecialPeriods.Where(p => !p.National).Select(Of).OrderBy(p => p.From).ToList(),
            calendar.Closures.OrderBy(c => c.From).ToList(),
            calendar.SlotLengths.OrderBy(l => l.Service).ToList(),
            calendar.Desks.OrderBy(d => d.Category).ToList());
    }

    /// <summary>The same sessions on the same weekdays (lists compare by reference in records, hence this).</summary>
    public static bool SameHours(WeeklyHours a, WeeklyHours b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Enum.GetValues<DayOfWeek>().All(day => a.On(day).SequenceEqual(b.On(day)));
    }
}
