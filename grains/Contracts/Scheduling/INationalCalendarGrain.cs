using Actors.Contracts.Identity;
using Orleans.Concurrency;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// The national calendar (one grain, key 0), maintained by operators: public holidays and the national
/// special-hours periods (Ramadan, the summer single session) that apply to every center. Refusals are
/// DomainExceptions (<see cref="NationalCalendarOperations"/>) and change nothing.
/// </summary>
public interface INationalCalendarGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<IReadOnlyList<PublicHoliday>> Holidays();

    /// <summary>The national periods, by start date, each marked <see cref="SpecialHoursPeriod.National"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<SpecialHoursPeriod>> SpecialPeriods();

    /// <summary>Adds a holiday; the same holiday again changes nothing (seeders and retries are safe).</summary>
    Task<PublicHoliday> AddHoliday(Actor actor, PublicHoliday holiday);

    /// <summary>Removes the holiday of that date and returns it.</summary>
    Task<PublicHoliday> RemoveHoliday(Actor actor, DateOnly date);

    /// <summary>Adds a period with its id; the same period again returns the one already there.</summary>
    Task<SpecialHoursPeriod> AddSpecialPeriod(Actor actor, string name, DateOnly from, DateOnly to, WeeklyHours hours);

    /// <summary>Removes the period and returns it.</summary>
    Task<SpecialHoursPeriod> RemoveSpecialPeriod(Actor actor, string periodId);
}
