using System.Globalization;
using Actors.Contracts.Centers;
using Actors.Contracts.Scheduling;

namespace Actors.Tests.Scheduling;

/// <summary>
/// The week the slot tests plan: Monday 8 to Sunday 14 March of a year whose 8 March is a Monday, with a national
/// Ramadan period ending on the Tuesday, Eid al-Fitr as a public holiday on the Wednesday and a center closure on
/// the Thursday; the Friday is a standard Friday. The identity card takes 90 minutes here so that the remainders
/// of sessions show (a session's tail shorter than one appointment is not offered).
/// </summary>
public static class CalendarWeek
{
    public const int SlotMinutes = 90;
    public const int Desks = 3;

    /// <summary>Ours for the test: one session 08:00–14:00 on weekdays.</summary>
    public static WeeklyHours RamadanHours { get; } = new(
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new DayHours(d, [new OpeningHours(new TimeOnly(8, 0), new TimeOnly(14, 0))])).ToList());

    public static DateOnly Monday(int year) => new(year, 3, 8);

    public static DateOnly RamadanFrom(int year) => new(year, 2, 8);

    public static DateOnly RamadanTo(int year) => new(year, 3, 9);

    public static DateOnly Eid(int year) => new(year, 3, 10);

    public static DateOnly Closure(int year) => new(year, 3, 11);

    /// <summary>Slots as "yyyy-MM-ddTHH:mm+01:00/HH:mm×desks", start and end in Africa/Tunis.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<AppointmentSlot> slots) =>
        slots.Select(s =>
        {
            var start = TunisTime.Local(s.StartsAt);
            var end = TunisTime.Local(s.EndsAt);
            return $"{start.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)}/{end.ToString("HH:mm", CultureInfo.InvariantCulture)}×{s.Desks}";
        }).ToList();

    public static CenterCalendar CenterWithClosure(int year) =>
        CenterCalendar.Standard(Desks, 0) with
        {
            SlotLengths = [new ServiceSlotLength(CenterService.NationalIdCard, SlotMinutes)],
            Closures = [new CenterClosure("closure-1", Closure(year), Closure(year), "Travaux de câblage")],
        };

    public static SpecialHoursPeriod Ramadan(int year) => new("national-period-1", $"Ramadan {year}", RamadanFrom(year), RamadanTo(year), RamadanHours);
}
