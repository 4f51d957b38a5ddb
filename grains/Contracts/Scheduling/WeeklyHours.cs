namespace Actors.Contracts.Scheduling;

/// <summary>
/// Opening hours per weekday. A weekday not listed is closed. The default is ours, modelled on the
/// Tunisian administration's double session: Monday to Thursday 08:00–12:00 and 13:00–17:00, Friday
/// 08:00–12:00 and 14:00–17:00 (the longer pause of the Friday prayer); Saturday and Sunday closed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WeeklyHours([property: Id(0)] IReadOnlyList<DayHours> Days)
{
    public static WeeklyHours Standard { get; } = new(
    [
        Double(DayOfWeek.Monday), Double(DayOfWeek.Tuesday), Double(DayOfWeek.Wednesday), Double(DayOfWeek.Thursday),
        new DayHours(DayOfWeek.Friday, [new OpeningHours(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OpeningHours(new TimeOnly(14, 0), new TimeOnly(17, 0))]),
    ]);

    /// <summary>The sessions of a weekday, in order; empty when closed.</summary>
    public IReadOnlyList<OpeningHours> On(DayOfWeek day) =>
        Days.Where(d => d.Day == day).SelectMany(d => d.Sessions).OrderBy(s => s.Opens).ToList();

    private static DayHours Double(DayOfWeek day) =>
        new(day, [new OpeningHours(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OpeningHours(new TimeOnly(13, 0), new TimeOnly(17, 0))]);
}
