namespace Actors.Contracts.Scheduling;

/// <summary>
/// Service-level targets count working days of the center's calendar: weekends, public holidays and
/// closures do not count. A target of N working days from an instant ends at midnight (Africa/Tunis)
/// after the Nth working day that follows the instant's own day.
/// </summary>
public static class WorkingTime
{
    /// <summary>Far enough for any target; a calendar closed for longer than this has no due date.</summary>
    private const int MaxDaysAhead = 3 * 366;

    public static DateTimeOffset? DueAt(CenterCalendar calendar, IReadOnlySet<DateOnly> publicHolidays, DateTimeOffset from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = TunisTime.DayOf(from);
        var counted = 0;
        for (var i = 0; i < MaxDaysAhead && counted < workingDays; i++)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day, publicHolidays))
            {
                counted++;
            }
        }

        return counted < workingDays ? null : TunisTime.ToInstant(day.AddDays(1), TimeOnly.MinValue);
    }

    /// <summary>Working days strictly after <paramref name="from"/>'s day up to and including <paramref name="to"/>'s day.</summary>
    public static int Between(CenterCalendar calendar, IReadOnlySet<DateOnly> publicHolidays, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var day = TunisTime.DayOf(from).AddDays(1); day <= TunisTime.DayOf(to); day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day, publicHolidays))
            {
                count++;
            }
        }

        return count;
    }
}
