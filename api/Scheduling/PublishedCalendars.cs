using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Actors.Contracts.Scheduling;

namespace Actors.Api.Scheduling;

/// <summary>A center's calendar as booking reads it: its own entries with the national periods merged in.</summary>
public static class PublishedCalendars
{
    public static async Task<CenterCalendar?> Of(IGrainFactory grains, string centerCode)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var calendar = grains.Reference<IServiceCenterGrain>(centerCode).Calendar();
        var national = grains.Reference<INationalCalendarGrain>(0).SpecialPeriods();
        await Task.WhenAll(calendar, national);
        return calendar.Result?.WithNational(national.Result);
    }
}
