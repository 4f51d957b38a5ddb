using Actors.Contracts.Geography;

namespace Actors.Contracts.Scheduling;

/// <summary>Between instants and Africa/Tunis wall-clock times.</summary>
public static class TunisTime
{
    public static DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, TunisCalendar.Zone.GetUtcOffset(unspecified));
    }

    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time) => ToInstant(day.ToDateTime(time));

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TunisCalendar.Zone);

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);
}
