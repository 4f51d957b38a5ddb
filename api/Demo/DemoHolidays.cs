using Actors.Contracts.Scheduling;

namespace Actors.Api.Demo;

/// <summary>
/// Tunisia's fixed-date national holidays. The religious holidays follow the lunar calendar and are
/// announced each year, like Ramadan and the summer single session: operators enter them.
/// </summary>
public static class DemoHolidays
{
    private static readonly (int Month, int Day, string NameAr, string NameFr)[] FixedDates =
    [
        (1, 1, "رأس السنة الإدارية", "Jour de l'An"),
        (3, 20, "عيد الاستقلال", "Fête de l'Indépendance"),
        (4, 9, "عيد الشهداء", "Journée des Martyrs"),
        (5, 1, "عيد الشغل", "Fête du Travail"),
        (7, 25, "عيد الجمهورية", "Fête de la République"),
        (8, 13, "عيد المرأة", "Fête de la Femme"),
        (10, 15, "عيد الجلاء", "Fête de l'Évacuation"),
        (12, 17, "عيد الثورة", "Fête de la Révolution"),
    ];

    public static IReadOnlyList<PublicHoliday> Of(int year) =>
        FixedDates.Select(h => new PublicHoliday(new DateOnly(year, h.Month, h.Day), h.NameAr, h.NameFr)).ToList();
}
