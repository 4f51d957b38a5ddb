using Actors.Contracts.Centers;
using Actors.Contracts.Scheduling;

namespace Actors.Tests.Scheduling;

/// <summary>The slots of one week with a public holiday, a Ramadan period and a center closure, against a list written by hand.</summary>
public sealed class SlotGenerationTests
{
    /// <summary>
    /// Written by hand from the calendar, not computed: Monday and Tuesday in Ramadan (08:00–14:00: 08:00, 09:30,
    /// 11:00, 12:30), Wednesday Eid (holiday), Thursday closed for works, Friday standard (08:00–12:00: 08:00 and
    /// 09:30, the 11:00 one would end at 12:30; 14:00–17:00: 14:00 and 15:30), Saturday and Sunday closed. Tunis is
    /// UTC+01:00 all year.
    /// </summary>
    public static readonly string[] Expected2027 =
    [
        "2027-03-08T08:00+01:00/09:30×3",
        "2027-03-08T09:30+01:00/11:00×3",
        "2027-03-08T11:00+01:00/12:30×3",
        "2027-03-08T12:30+01:00/14:00×3",
        "2027-03-09T08:00+01:00/09:30×3",
        "2027-03-09T09:30+01:00/11:00×3",
        "2027-03-09T11:00+01:00/12:30×3",
        "2027-03-09T12:30+01:00/14:00×3",
        "2027-03-12T08:00+01:00/09:30×3",
        "2027-03-12T09:30+01:00/11:00×3",
        "2027-03-12T14:00+01:00/15:30×3",
        "2027-03-12T15:30+01:00/17:00×3",
    ];

    [Fact]
    public void A_week_with_ramadan_a_holiday_and_a_closure_offers_exactly_the_hand_written_slots()
    {
        var calendar = CalendarWeek.CenterWithClosure(2027).WithNational([CalendarWeek.Ramadan(2027)]);
        var holidays = new HashSet<DateOnly> { CalendarWeek.Eid(2027) };

        var slots = SlotPlanner.Plan("TN11-GU1", calendar, holidays, CenterService.NationalIdCard, CalendarWeek.Monday(2027), CalendarWeek.Monday(2027).AddDays(6));

        Assert.Equal(Expected2027, CalendarWeek.Describe(slots));
    }

    [Fact]
    public void A_service_of_a_category_without_desks_has_no_slot()
    {
        var calendar = CalendarWeek.CenterWithClosure(2027);
        Assert.Empty(SlotPlanner.Plan("TN11-GU1", calendar, new HashSet<DateOnly>(), CenterService.CriminalRecordExtract, CalendarWeek.Monday(2027), CalendarWeek.Monday(2027).AddDays(6)));
    }

    [Fact]
    public void A_centers_own_period_wins_over_a_national_one_on_its_days_and_the_national_one_applies_elsewhere()
    {
        var own = new SpecialHoursPeriod("period-7", "Horaires d'été du centre", new DateOnly(2027, 3, 9), new DateOnly(2027, 3, 9),
            new WeeklyHours([new DayHours(DayOfWeek.Tuesday, [new OpeningHours(new TimeOnly(7, 30), new TimeOnly(13, 30))])]));
        var calendar = (CalendarWeek.CenterWithClosure(2027) with { SpecialPeriods = [own] }).WithNational([CalendarWeek.Ramadan(2027)]);
        var none = new HashSet<DateOnly>();

        Assert.Equal([new OpeningHours(new TimeOnly(7, 30), new TimeOnly(13, 30))], calendar.SessionsOn(new DateOnly(2027, 3, 9), none));
        Assert.Equal([new OpeningHours(new TimeOnly(8, 0), new TimeOnly(14, 0))], calendar.SessionsOn(new DateOnly(2027, 3, 8), none));
        Assert.Equal(own, calendar.PeriodOn(new DateOnly(2027, 3, 9)));
        Assert.True(calendar.PeriodOn(new DateOnly(2027, 3, 8))!.National);
        // The standard Friday once Ramadan is over.
        Assert.Equal(2, calendar.SessionsOn(new DateOnly(2027, 3, 12), none).Count);
    }

    [Fact]
    public void Merging_the_national_periods_again_replaces_them_instead_of_doubling_them()
    {
        var once = CalendarWeek.CenterWithClosure(2027).WithNational([CalendarWeek.Ramadan(2027)]);
        var twice = once.WithNational([CalendarWeek.Ramadan(2027)]);
        Assert.Single(twice.SpecialPeriods);
    }

    [Fact]
    public void Each_day_is_explained_with_what_decided_it()
    {
        var calendar = CalendarWeek.CenterWithClosure(2027).WithNational([CalendarWeek.Ramadan(2027)]);
        var eid = new PublicHoliday(CalendarWeek.Eid(2027), "عيد الفطر", "Aïd el-Fitr");
        var days = Enumerable.Range(0, 7).Select(i => OpeningDay.Of(calendar, [eid], CalendarWeek.Monday(2027).AddDays(i))).ToList();

        Assert.Equal(
            [null, null, DayClosedReason.Holiday, DayClosedReason.Closure, null, DayClosedReason.Weekly, DayClosedReason.Weekly],
            days.Select(d => d.ClosedBecause).ToList());
        Assert.Equal("Ramadan 2027", days[0].Period?.Name);
        Assert.Equal("Aïd el-Fitr", days[2].Holiday?.NameFr);
        Assert.Equal("Travaux de câblage", days[3].Closure?.Reason);
        Assert.Null(days[4].Period);
        Assert.Equal(2, days[4].Sessions.Count);
    }
}
