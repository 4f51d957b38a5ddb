using Actors.Contracts.Centers;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// What a center publishes for booking and for its service-level clocks: weekly hours, periods with other
/// hours, its own closures, how long each service takes and how many desks are open per category.
/// Public holidays are national and come from the national calendar, not from here.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CenterCalendar(
    [property: Id(0)] WeeklyHours Hours,
    [property: Id(1)] IReadOnlyList<SpecialHoursPeriod> SpecialPeriods,
    [property: Id(2)] IReadOnlyList<CenterClosure> Closures,
    [property: Id(3)] IReadOnlyList<ServiceSlotLength> SlotLengths,
    [property: Id(4)] IReadOnlyList<CategoryDesks> Desks)
{
    /// <summary>Ours, when a service has no length of its own: long enough for a photo, fingerprints and a signature.</summary>
    public const int DefaultSlotMinutes = 15;

    /// <summary>The standard week, no period, no closure, default lengths, and the desks given.</summary>
    public static CenterCalendar Standard(int administrativeDesks, int judicialDesks) => new(
        WeeklyHours.Standard, [], [], [],
        [new CategoryDesks(ServiceCategory.Administrative, administrativeDesks), new CategoryDesks(ServiceCategory.Judicial, judicialDesks)]);

    public int SlotMinutes(CenterService service) =>
        SlotLengths.FirstOrDefault(l => l.Service == service)?.Minutes ?? DefaultSlotMinutes;

    public int DesksFor(ServiceCategory category) => Desks.FirstOrDefault(d => d.Category == category)?.Desks ?? 0;

    /// <summary>The closure that closes this day, if any.</summary>
    public CenterClosure? ClosureOn(DateOnly day) => Closures.FirstOrDefault(c => c.Covers(day));

    /// <summary>
    /// The sessions of a day: none on a public holiday or a closure; otherwise a special period's hours on its
    /// days, the center's own periods before the national ones (a center that publishes its own Ramadan hours
    /// keeps them), the latest-starting period first within each (operators cannot enter overlapping periods at
    /// one level, so that tie-break only matters for data entered before the rule); the weekly hours otherwise.
    /// </summary>
    public IReadOnlyList<OpeningHours> SessionsOn(DateOnly day, IReadOnlySet<DateOnly> publicHolidays)
    {
        ArgumentNullException.ThrowIfNull(publicHolidays);
        if (publicHolidays.Contains(day) || ClosureOn(day) is not null)
        {
            return [];
        }

        return (PeriodOn(day)?.Hours ?? Hours).On(day.DayOfWeek);
    }

    /// <summary>The special-hours period whose hours apply that day, if any (the precedence of <see cref="SessionsOn"/>).</summary>
    public SpecialHoursPeriod? PeriodOn(DateOnly day)
    {
        // The center's own before the national ones, then the latest to start; the first listed of equals. A loop, as
        // the clocks ask it for every day they walk.
        SpecialHoursPeriod? chosen = null;
        foreach (var period in SpecialPeriods)
        {
            if (period.Covers(day) && (chosen is null || (!period.National && chosen.National) || (period.National == chosen.National && period.From > chosen.From)))
            {
                chosen = period;
            }
        }

        return chosen;
    }

    /// <summary>
    /// This calendar with the national special-hours periods added after the center's own (marked
    /// <see cref="SpecialHoursPeriod.National"/>), as slot plans and clocks read it.
    /// </summary>
    public CenterCalendar WithNational(IEnumerable<SpecialHoursPeriod> nationalPeriods)
    {
        ArgumentNullException.ThrowIfNull(nationalPeriods);
        return this with
        {
            SpecialPeriods = SpecialPeriods.Where(p => !p.National).Concat(nationalPeriods.Select(p => p with { National = true })).ToList(),
        };
    }

    /// <summary>A working day: the center opens at all that day.</summary>
    public bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly> publicHolidays) => SessionsOn(day, publicHolidays).Count > 0;
}
