using Actors.Contracts.Scheduling;

namespace Actors.Grains.Scheduling;

/// <summary>A center's calendar together with the national holidays: what slot plans and service-level clocks read.</summary>
public static class CenterCalendarReader
{
    public static async Task<(CenterCalendar Calendar, IReadOnlySet<DateOnly> Holidays)?> Read(IGrainFactory grains, string centerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var calendar = grains.GetGrain<Contracts.Centers.IServiceCenterGrain>(centerId).Calendar();
        var holidays = grains.GetGrain<INationalCalendarGrain>(0).Holidays();
        await Task.WhenAll(calendar, holidays);
        return calendar.Result is { } found ? (found, holidays.Result.Select(h => h.Date).ToHashSet()) : null;
    }
}
