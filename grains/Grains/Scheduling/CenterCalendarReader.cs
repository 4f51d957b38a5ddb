using Actors.Contracts.Naming;
using Actors.Contracts.Scheduling;

namespace Actors.Grains.Scheduling;

/// <summary>
/// A center's calendar with the national special-hours periods merged in (<see cref="CenterCalendar.WithNational"/>:
/// the center's own period wins on its days) together with the national holidays: what slot plans and
/// service-level clocks read.
/// </summary>
public static class CenterCalendarReader
{
    public static async Task<(CenterCalendar Calendar, IReadOnlySet<DateOnly> Holidays)?> Read(IGrainFactory grains, string centerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var calendar = grains.Reference<Contracts.Centers.IServiceCenterGrain>(centerId).Calendar();
        var national = grains.Reference<INationalCalendarGrain>(0);
        var holidays = national.Holidays();
        var periods = national.SpecialPeriods();
        await Task.WhenAll(calendar, holidays, periods);
        return calendar.Result is { } found ? (found.WithNational(periods.Result), holidays.Result.Select(h => h.Date).ToHashSet()) : null;
    }
}
