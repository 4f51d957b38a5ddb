using Actors.Contracts.Scheduling;

namespace Actors.Demo;

/// <summary>
/// Desks work Monday to Friday, 08:00 to 16:00 Tunis time: the plan's delays count only those hours, so a step taken
/// "three working hours later" on a Friday afternoon lands on Monday morning. Public holidays are not skipped (the
/// plan must not depend on a calendar a center may change); appointments follow the centers' real calendars.
/// </summary>
public static class WorkingHours
{
    public static readonly TimeOnly Opens = new(8, 0);
    public static readonly TimeOnly Closes = new(16, 0);

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The instant <paramref name="minutes"/> working minutes after <paramref name="from"/>.</summary>
    public static DateTimeOffset Add(DateTimeOffset from, int minutes)
    {
        var at = StartOfWork(from);
        var left = minutes;
        while (true)
        {
            var day = TunisTime.DayOf(at);
            var close = TunisTime.ToInstant(day, Closes);
            var available = (int)(close - at).TotalMinutes;
            if (left < available)
            {
                return at.AddMinutes(left);
            }

            left -= available;
            at = StartOfWork(TunisTime.ToInstant(day.AddDays(1), Opens));
        }
    }

    /// <summary>The instant itself in working hours, else the next opening.</summary>
    public static DateTimeOffset StartOfWork(DateTimeOffset instant)
    {
        var local = TunisTime.Local(instant);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(day) && time >= Opens && time < Closes)
        {
            return instant;
        }

        var next = time < Opens && IsWorkingDay(day) ? day : day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return TunisTime.ToInstant(next, Opens);
    }
}
