using System.Text.Json;
using Actors.Contracts.Centers;
using Actors.Contracts.Centers.Events;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Outbox;
using Actors.Contracts.Scheduling;
using Actors.Grains.Scheduling;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Scheduling;

/// <summary>Center calendars as operators maintain them: checked, recorded, refused for anyone else, merged with the national calendar.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CenterCalendarGrainTests(ClusterFixture fixture)
{
    private static readonly Actor Operator = new("op-cal", ActorRole.Operator);

    private static WeeklyHours Week(params (DayOfWeek Day, int OpensHour, int OpensMinute, int ClosesHour, int ClosesMinute)[] sessions) =>
        new(sessions.GroupBy(s => s.Day)
            .Select(g => new DayHours(g.Key, g.Select(s => new OpeningHours(new TimeOnly(s.OpensHour, s.OpensMinute), new TimeOnly(s.ClosesHour, s.ClosesMinute))).ToList()))
            .ToList());

    private async Task<IServiceCenterGrain> NewCenter(CenterKind kind = CenterKind.OneStopShop)
    {
        var code = "CAL-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var center = fixture.Grains.GetGrain<IServiceCenterGrain>(code);
        CenterService[] services = kind == CenterKind.JudicialOffice ? [CenterService.CriminalRecordExtract] : [CenterService.NationalIdCard];
        await center.Register(Operator, new ServiceCenterProfile(code, "مكتب", "Bureau", "TUNIS", "District", kind, services, 50, IsDemo: true));
        return center;
    }

    private static async Task<DomainError> Refused(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error;

    public static TheoryData<string, string> BadHours => new()
    {
        { "05:30-12:00", "opens" },
        { "08:00-22:30", "closes" },
        { "12:00-08:00", "opens" },
        { "08:00-08:20", "opens" },
        { "08:00-12:00,11:00-15:00", "opens" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(BadHours))]
    public async Task Opening_hours_outside_the_day_inverted_too_short_overlapping_or_never_open_are_refused_and_change_nothing(string sessions, string parameter)
    {
        var center = await NewCenter();
        var before = await center.Calendar();
        var hours = new WeeklyHours(sessions.Length == 0
            ? []
            : [new DayHours(DayOfWeek.Monday, sessions.Split(',').Select(s => new OpeningHours(TimeOnly.Parse(s[..5]), TimeOnly.Parse(s[6..]))).ToList())]);

        var error = await Refused(() => center.SetOpeningHours(Operator, hours));

        Assert.Equal(ErrorCodes.CalendarInvalid, error.Code);
        Assert.Equal("hours", error.Parameters["field"]);
        if (parameter.Length > 0)
        {
            Assert.Equal("MONDAY", error.Parameters["day"]);
            Assert.True(error.Parameters.ContainsKey(parameter));
        }

        Assert.True(StoredCalendars.SameHours(before!.Hours, (await center.Calendar())!.Hours));
        Assert.Equal(1, (await center.Find())!.Version);
    }

    [Fact]
    public async Task Closures_are_refused_backwards_longer_than_a_year_or_without_a_reason()
    {
        var center = await NewCenter();
        var backwards = await Refused(() => center.AddClosure(Operator, new DateOnly(2027, 5, 2), new DateOnly(2027, 5, 1), "Travaux"));
        Assert.Equal((ErrorCodes.CalendarInvalid, "to"), (backwards.Code, backwards.Parameters["field"]));
        var tooLong = await Refused(() => center.AddClosure(Operator, new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 2), "Travaux"));
        Assert.Equal(("to", "366"), (tooLong.Parameters["field"], tooLong.Parameters["maxDays"]));
        var blank = await Refused(() => center.AddClosure(Operator, new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 1), "  "));
        Assert.Equal("reason", blank.Parameters["field"]);
        Assert.Empty((await center.Calendar())!.Closures);

        // 366 days, both included, is the longest closure.
        var year = await center.AddClosure(Operator, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), "Reconstruction");
        Assert.Equal(year, Assert.Single((await center.Calendar())!.Closures));
    }

    [Fact]
    public async Task Desks_and_slot_lengths_are_bounded_and_a_category_the_kind_does_not_serve_keeps_no_desk()
    {
        var center = await NewCenter();
        CategoryDesks[] fine = [new(ServiceCategory.Administrative, 4)];
        var judicial = await Refused(() => center.SetDesks(Operator, [new(ServiceCategory.Administrative, 4), new(ServiceCategory.Judicial, 1)], []));
        Assert.Equal(("desks", "JUDICIAL", "ONE_STOP_SHOP"), (judicial.Parameters["field"], judicial.Parameters["category"], judicial.Parameters["kind"]));
        Assert.Equal("desks", (await Refused(() => center.SetDesks(Operator, [new(ServiceCategory.Administrative, 201)], []))).Parameters["field"]);
        Assert.Equal("desks", (await Refused(() => center.SetDesks(Operator, [new(ServiceCategory.Administrative, -1)], []))).Parameters["field"]);
        Assert.Equal("slotLengths", (await Refused(() => center.SetDesks(Operator, fine, [new(CenterService.NationalIdCard, 4)]))).Parameters["field"]);
        Assert.Equal("slotLengths", (await Refused(() => center.SetDesks(Operator, fine, [new(CenterService.NationalIdCard, 241)]))).Parameters["field"]);
        var wrongService = await Refused(() => center.SetDesks(Operator, fine, [new(CenterService.CriminalRecordExtract, 20)]));
        Assert.Equal("CRIMINAL_RECORD_EXTRACT", wrongService.Parameters["service"]);
        Assert.Equal(1, (await center.Find())!.Version);

        var view = await center.SetDesks(Operator, [new(ServiceCategory.Administrative, 200), new(ServiceCategory.Judicial, 0)], [new(CenterService.NationalIdCard, 5)]);
        var calendar = (await center.Calendar())!;
        Assert.Equal((200, 0, 5), (calendar.DesksFor(ServiceCategory.Administrative), calendar.DesksFor(ServiceCategory.Judicial), calendar.SlotMinutes(CenterService.NationalIdCard)));
        Assert.Equal(view.Version, (await center.SetDesks(Operator, [new(ServiceCategory.Administrative, 200)], [new(CenterService.NationalIdCard, 5)])).Version);
    }

    [Fact]
    public async Task Only_an_operator_changes_a_calendar()
    {
        var center = await NewCenter();
        var code = (await center.Find())!.Code;
        Actor[] others =
        [
            new("agent-1", ActorRole.Agent, code),
            new("citizen-1", ActorRole.Citizen),
            new("sup-1", ActorRole.Supervisor, Governorate: "TUNIS"),
        ];
        foreach (var actor in others)
        {
            Assert.Equal(ErrorCodes.NotAllowed, (await Refused(() => center.SetOpeningHours(actor, WeeklyHours.Standard))).Code);
            Assert.Equal(ErrorCodes.NotAllowed, (await Refused(() => center.AddClosure(actor, new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 3), "x"))).Code);
            Assert.Equal(ErrorCodes.NotAllowed, (await Refused(() => center.SetDesks(actor, [], []))).Code);
            Assert.Equal(ErrorCodes.NotAllowed, (await Refused(() => center.AddSpecialPeriod(actor, "p", new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 3), WeeklyHours.Standard))).Code);
            Assert.Equal(ErrorCodes.NotAllowed, (await Refused(() => fixture.Grains.GetGrain<INationalCalendarGrain>(0)
                .AddHoliday(actor, new PublicHoliday(new DateOnly(2091, 1, 2), "عطلة", "Congé")))).Code);
        }

        Assert.Equal(1, (await center.Find())!.Version);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<INationalCalendarGrain>(0).Holidays(), h => h.Date == new DateOnly(2091, 1, 2));
    }

    [Fact]
    public async Task Each_change_is_a_history_entry_and_a_closure_added_twice_is_one_closure()
    {
        var center = await NewCenter();
        var closure = await center.AddClosure(Operator, new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 3), "Travaux de câblage");
        var again = await center.AddClosure(Operator, new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 3), " Travaux de câblage ");
        Assert.Equal(closure, again);
        var period = await center.AddSpecialPeriod(Operator, "Séance unique d'été", new DateOnly(2027, 7, 1), new DateOnly(2027, 8, 31),
            Week((DayOfWeek.Monday, 7, 30, 13, 30), (DayOfWeek.Friday, 7, 30, 12, 30)));
        var overlap = await Refused(() => center.AddSpecialPeriod(Operator, "Autre", new DateOnly(2027, 8, 31), new DateOnly(2027, 9, 5), WeeklyHours.Standard));
        Assert.Equal((ErrorCodes.CalendarInvalid, period.Id), (overlap.Code, overlap.Parameters["periodId"]));
        await center.RemoveClosure(Operator, closure.Id);
        var unknown = await Refused(() => center.RemoveClosure(Operator, closure.Id));
        Assert.Equal(("closureId", closure.Id), (unknown.Parameters["field"], unknown.Parameters["closureId"]));
        var view = await center.RemoveSpecialPeriod(Operator, period.Id);

        Assert.Equal(5, view.Version);
        var calendar = (await center.Calendar())!;
        Assert.Empty(calendar.Closures);
        Assert.Empty(calendar.SpecialPeriods);
        var listed = await fixture.Grains.GetGrain<ICenterDirectoryGrain>(0).List();
        Assert.Equal(5, listed.Single(c => c.Code == view.Code).Version);
    }

    [Fact]
    public async Task The_closure_event_reads_back_from_the_outbox_with_the_closure_and_the_center()
    {
        var view = new ServiceCenterView(
            new ServiceCenterProfile("TN11-GU1", "مكتب", "Bureau", "TUNIS", "District", CenterKind.OneStopShop, [CenterService.NationalIdCard], 50, true),
            RolloutPhase.Live, new CenterReadiness(true, 4, 4, 4, 4, 40), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 7);
        var closure = new CenterClosure("closure-7", new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 3), "Travaux");
        var happened = new CenterCalendarChanged("OPERATOR:op", 7, DateTimeOffset.UnixEpoch, "TN11-GU1", CenterCalendarChange.ClosureAdded, closure, null,
            CenterCalendar.Standard(4, 0), view);

        var stored = OutboxEvent.Of(AggregateTypes.ServiceCenter, "TN11-GU1", happened);

        Assert.Contains(stored.Type, CenterEvents.Types);
        Assert.Equal(7, CenterEvents.CenterOf(stored)!.Version);
        var read = JsonSerializer.Deserialize<CenterCalendarChanged>(stored.Payload, OutboxJson.Options)!;
        Assert.Equal((CenterCalendarChange.ClosureAdded, "TN11-GU1", closure), (read.Change, read.CenterCode, read.Closure));
    }

    [Fact]
    public async Task Slots_planned_from_the_grains_match_the_hand_written_week()
    {
        // 2083 has 2027's weekdays (56 years later, no skipped leap year between): the same week, far from other tests' dates.
        const int year = 2083;
        string[] expected =
        [
            "2083-03-08T08:00+01:00/09:30×3", "2083-03-08T09:30+01:00/11:00×3", "2083-03-08T11:00+01:00/12:30×3", "2083-03-08T12:30+01:00/14:00×3",
            "2083-03-09T08:00+01:00/09:30×3", "2083-03-09T09:30+01:00/11:00×3", "2083-03-09T11:00+01:00/12:30×3", "2083-03-09T12:30+01:00/14:00×3",
            "2083-03-12T08:00+01:00/09:30×3", "2083-03-12T09:30+01:00/11:00×3", "2083-03-12T14:00+01:00/15:30×3", "2083-03-12T15:30+01:00/17:00×3",
        ];
        var national = fixture.Grains.GetGrain<INationalCalendarGrain>(0);
        var center = await NewCenter();
        var code = (await center.Find())!.Code;
        await center.SetDesks(Operator, [new(ServiceCategory.Administrative, CalendarWeek.Desks)], [new(CenterService.NationalIdCard, CalendarWeek.SlotMinutes)]);
        await center.AddClosure(Operator, CalendarWeek.Closure(year), CalendarWeek.Closure(year), "Travaux de câblage");
        var eid = await national.AddHoliday(Operator, new PublicHoliday(CalendarWeek.Eid(year), "عيد الفطر", "Aïd el-Fitr"));
        var ramadan = await national.AddSpecialPeriod(Operator, $"Ramadan {year}", CalendarWeek.RamadanFrom(year), CalendarWeek.RamadanTo(year), CalendarWeek.RamadanHours);
        try
        {
            var (calendar, holidays) = (await CenterCalendarReader.Read(fixture.Grains, code))!.Value;
            var slots = SlotPlanner.Plan(code, calendar, holidays, CenterService.NationalIdCard, CalendarWeek.Monday(year), CalendarWeek.Monday(year).AddDays(6));
            Assert.Equal(expected, CalendarWeek.Describe(slots));
            Assert.True(Assert.Single(calendar.SpecialPeriods).National);
        }
        finally
        {
            await national.RemoveHoliday(Operator, eid.Date);
            await national.RemoveSpecialPeriod(Operator, ramadan.Id);
        }

        Assert.DoesNotContain(await national.Holidays(), h => h.Date == eid.Date);
        Assert.DoesNotContain(await national.SpecialPeriods(), p => p.Id == ramadan.Id);
    }

    [Fact]
    public async Task The_national_calendar_refuses_a_second_holiday_on_a_day_and_overlapping_periods()
    {
        var national = fixture.Grains.GetGrain<INationalCalendarGrain>(0);
        var day = new DateOnly(2092, 4, 1);
        var holiday = await national.AddHoliday(Operator, new PublicHoliday(day, "عطلة", "Congé"));
        Assert.Equal(holiday, await national.AddHoliday(Operator, new PublicHoliday(day, "عطلة", "Congé")));
        var period = await national.AddSpecialPeriod(Operator, "Ramadan 2092", new DateOnly(2092, 5, 1), new DateOnly(2092, 5, 30), CalendarWeek.RamadanHours);
        try
        {
            var other = await Refused(() => national.AddHoliday(Operator, new PublicHoliday(day, "عطلة أخرى", "Autre")));
            Assert.Equal((ErrorCodes.CalendarInvalid, "date"), (other.Code, other.Parameters["field"]));
            var overlap = await Refused(() => national.AddSpecialPeriod(Operator, "Été 2092", new DateOnly(2092, 5, 30), new DateOnly(2092, 8, 31), CalendarWeek.RamadanHours));
            Assert.Equal(period.Id, overlap.Parameters["periodId"]);
            Assert.Equal(ErrorCodes.CalendarInvalid, (await Refused(() => national.RemoveHoliday(Operator, day.AddDays(1)))).Code);
            Assert.Equal(ErrorCodes.CalendarInvalid, (await Refused(() => national.RemoveSpecialPeriod(Operator, "national-period-0"))).Code);
        }
        finally
        {
            await national.RemoveHoliday(Operator, day);
            await national.RemoveSpecialPeriod(Operator, period.Id);
        }
    }
}
