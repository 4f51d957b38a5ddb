namespace Actors.Contracts.Scheduling;

/// <summary>
/// A period with other hours, both days included: Ramadan, the summer single session. Operators enter
/// each one with its dates (nothing is guessed from a lunar calendar); it replaces the weekly hours on
/// its days, closures and public holidays still apply. <see cref="National"/> periods come from the national
/// calendar and apply to every center; a center's own period wins over them on its days.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SpecialHoursPeriod(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly To,
    [property: Id(4)] WeeklyHours Hours,
    [property: Id(5)] bool National = false)
{
    public bool Covers(DateOnly day) => day >= From && day <= To;
}
