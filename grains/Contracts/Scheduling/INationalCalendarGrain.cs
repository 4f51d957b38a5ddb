using Orleans.Concurrency;

namespace Actors.Contracts.Scheduling;

/// <summary>The national calendar of public holidays (one grain, key 0), maintained by operators.</summary>
public interface INationalCalendarGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<IReadOnlyList<PublicHoliday>> Holidays();
}
