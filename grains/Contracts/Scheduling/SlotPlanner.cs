using Actors.Contracts.Centers;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// The slots a calendar offers: each session of each open day cut into the service's length (a remainder
/// shorter than one appointment is not offered), each with the category's open desks. Pure: bookings are
/// counted elsewhere.
/// </summary>
public static class SlotPlanner
{
    public static IEnumerable<AppointmentSlot> Plan(
        string centerId, CenterCalendar calendar, IReadOnlySet<DateOnly> publicHolidays, CenterService service, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var desks = calendar.DesksFor(CenterServices.CategoryOf(service));
        var length = TimeSpan.FromMinutes(calendar.SlotMinutes(service));
        if (desks <= 0 || length <= TimeSpan.Zero)
        {
            yield break;
        }

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var session in calendar.SessionsOn(day, publicHolidays))
            {
                var closes = day.ToDateTime(session.Closes);
                for (var start = day.ToDateTime(session.Opens); start + length <= closes; start += length)
                {
                    yield return new AppointmentSlot(centerId, service, TunisTime.ToInstant(start), TunisTime.ToInstant(start + length), desks);
                }
            }
        }
    }

    /// <summary>Is this exactly a slot of the calendar (right day, right session, on the service's grid)?</summary>
    public static AppointmentSlot? Find(CenterCalendar calendar, IReadOnlySet<DateOnly> publicHolidays, SlotKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var day = key.Day;
        return Plan(key.CenterId, calendar, publicHolidays, key.Service, day, day).FirstOrDefault(s => s.StartsAt == key.StartsAt);
    }
}
