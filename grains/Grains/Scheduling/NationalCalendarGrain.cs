using Actors.Contracts.Naming;
using Actors.Contracts.Scheduling;

namespace Actors.Grains.Scheduling;

/// <summary>The public holidays every center closes on. Operators maintain it; the demo data seeds the fixed-date ones.</summary>
public sealed class NationalCalendarGrain(
    [PersistentState(StorageNames.NationalCalendarState, StorageNames.Domain)] IPersistentState<NationalCalendarState> state)
    : Grain, INationalCalendarGrain
{
    public Task<IReadOnlyList<PublicHoliday>> Holidays() =>
        Task.FromResult<IReadOnlyList<PublicHoliday>>(state.State.Holidays.OrderBy(h => h.Date).ToList());
}
