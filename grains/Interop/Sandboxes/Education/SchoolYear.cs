using Actors.Contracts.Geography;

namespace Actors.Interop.Sandboxes.Education;

/// <summary>The Tunisian school year: it starts on 15 September (Africa/Tunis) and is named by the year it starts in.</summary>
public static class SchoolYear
{
    public const int StartMonth = 9;
    public const int StartDay = 15;

    /// <summary>2026 for any day from 15 September 2026 to 14 September 2027.</summary>
    public static int Of(DateOnly day) =>
        day >= new DateOnly(day.Year, StartMonth, StartDay) ? day.Year : day.Year - 1;

    public static int Current(TimeProvider clock) => Of(TunisCalendar.Today(clock));
}
