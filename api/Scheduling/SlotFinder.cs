using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Actors.Contracts.Scheduling;

namespace Actors.Api.Scheduling;

/// <summary>
/// Free slots read from the day schedules (one grain per center, desk category and day; the days of a range
/// are read in parallel): only future slots with a free desk, at centers that take bookings for the service.
/// </summary>
public sealed class SlotFinder(IGrainFactory grains, TimeProvider clock)
{
    /// <summary>The widest range of days one query reads.</summary>
    public const int MaxRangeDays = 31;

    public async Task<IReadOnlyList<AppointmentSlot>> Available(ServiceCenterView center, CenterService service, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(center);
        if (!center.TakesRequests || !center.Offers(service))
        {
            return [];
        }

        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);
        var read = await Task.WhenAll(days.Select(day => Schedule(center.Code, service, day).Slots(service)));
        var now = clock.GetUtcNow();
        return read.SelectMany(slots => slots).Where(s => s.StartsAt > now && s.Remaining > 0).ToList();
    }

    /// <summary>The earliest free slots from <paramref name="from"/> across these centers, day by day, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<AppointmentSlot>> Nearest(IReadOnlyCollection<ServiceCenterView> centers, CenterService service, DateTimeOffset from, int count)
    {
        ArgumentNullException.ThrowIfNull(centers);
        var open = centers.Where(c => c.TakesRequests && c.Offers(service)).ToList();
        var found = new List<AppointmentSlot>();
        var after = from > clock.GetUtcNow() ? from : clock.GetUtcNow();
        var first = TunisTime.DayOf(after);
        for (var day = first; day < first.AddDays(MaxRangeDays) && found.Count < count && open.Count > 0; day = day.AddDays(1))
        {
            // Every slot of a day comes before every slot of the next: once a whole day is read the earliest are known.
            var read = await Task.WhenAll(open.Select(c => Schedule(c.Code, service, day).Slots(service)));
            found.AddRange(read.SelectMany(slots => slots).Where(s => s.StartsAt >= after && s.Remaining > 0));
        }

        return found.OrderBy(s => s.StartsAt).ThenBy(s => s.CenterId, StringComparer.Ordinal).Take(count).ToList();
    }

    private ICenterDayScheduleGrain Schedule(string centerId, CenterService service, DateOnly day) =>
        grains.Reference<ICenterDayScheduleGrain>(DayScheduleKeys.For(centerId, CenterServices.CategoryOf(service), day));
}
