using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Scheduling;

/// <summary>The calendar mutations and queries over GraphQL: what operators do, what bad input gets, and who may not.</summary>
[Collection(ApiCollection.Name)]
public sealed class CalendarApiTests(ApiFactory api)
{
    private const string ErrorSelection = "errors { __typename ... on Error { code message } ... on CalendarInvalidError { parameters { key value } } }";

    private const string CalendarSelection =
        "version calendar { weeklyHours { day sessions { opens closes } } specialPeriods { id name from to scope hours { day sessions { opens closes } } } "
        + "closures { id from to reason } desks { category desks } slotLengths { service minutes } }";

    private static readonly object[] Ramadan =
    [
        new { day = "MONDAY", sessions = new[] { new { opens = "08:00", closes = "14:00" } } },
        new { day = "FRIDAY", sessions = new[] { new { opens = "08:00", closes = "13:00" } } },
    ];

    private static object Hours(string opens, string closes) => new[] { new { day = "MONDAY", sessions = new[] { new { opens, closes } } } };

    private Task<string> Operator() => api.Token("OPERATOR", "op-calendar");

    private async Task<(string Id, string Code)> NewCenter()
    {
        var code = "CAL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registered = await api.GraphQL(
            "mutation($in: RegisterServiceCenterInput!) { registerServiceCenter(input: $in) { center { id } errors { ... on Error { code } } } }",
            new { @in = new { code, nameAr = "مركز", nameFr = "Centre calendrier", governorate = "SFAX", district = "District", kind = "MODEL_OFFICE", services = new[] { "NATIONAL_ID_CARD", "CRIMINAL_RECORD_EXTRACT" }, dailyCapacity = 10 } },
            await Operator());
        return (registered["data"]!["registerServiceCenter"]!["center"]!["id"]!.GetValue<string>(), code);
    }

    private async Task<JsonNode> Mutate(string mutation, object input, string token, string value = "__typename")
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var result = await api.GraphQL($"mutation($in: {inputType}!) {{ {mutation}(input: $in) {{ {value} {ErrorSelection} }} }}", new { @in = input }, token);
        return result;
    }

    private async Task<string> CenterCalendar(string centerId) =>
        (await api.GraphQL($"query($id: ID!) {{ center(id: $id) {{ {CalendarSelection} }} }}", new { id = centerId }))["data"]!["center"]!.ToJsonString();

    private async Task<string> NationalCalendar() =>
        (await api.GraphQL("{ publicHolidays(year: 2093) { date nameAr nameFr } nationalSpecialHoursPeriods { id name from to } }"))["data"]!.ToJsonString();

    private static string? Parameter(JsonNode error, string key) =>
        error["parameters"]?.AsArray().FirstOrDefault(p => p!["key"]!.GetValue<string>() == key)?["value"]?.GetValue<string>();

    [Fact]
    public async Task An_operator_publishes_a_centers_calendar_and_everyone_reads_it_day_by_day()
    {
        var op = await Operator();
        var (centerId, _) = await NewCenter();
        var hours = await Mutate("setCenterOpeningHours", new
        {
            centerId,
            hours = new object[]
            {
                new { day = "MONDAY", sessions = new[] { new { opens = "08:00", closes = "12:00" }, new { opens = "13:00", closes = "17:30" } } },
                new { day = "SATURDAY", sessions = new[] { new { opens = "08:30", closes = "12:30" } } },
            },
        }, op, "center { version }");
        Assert.Null(hours["data"]!["setCenterOpeningHours"]!["errors"]);
        var desks = await Mutate("setCenterDesks", new
        {
            centerId,
            desks = new[] { new { category = "ADMINISTRATIVE", desks = 5 }, new { category = "JUDICIAL", desks = 2 } },
            slotLengths = new[] { new { service = "NATIONAL_ID_CARD", minutes = 20 } },
        }, op, "center { calendar { desks { category desks } } }");
        Assert.Equal("""[{"category":"ADMINISTRATIVE","desks":5},{"category":"JUDICIAL","desks":2}]""",
            desks["data"]!["setCenterDesks"]!["center"]!["calendar"]!["desks"]!.ToJsonString());
        var closure = (await Mutate("addCenterClosure", new { centerId, from = "2090-01-09", to = "2090-01-10", reason = "Travaux de câblage" }, op,
            "closure { id from to reason }"))["data"]!["addCenterClosure"]!["closure"]!;
        Assert.Equal(("2090-01-09", "Travaux de câblage"), (closure["from"]!.GetValue<string>(), closure["reason"]!.GetValue<string>()));
        var period = (await Mutate("addCenterSpecialHoursPeriod", new { centerId, name = "Ramadan 2090", from = "2090-01-02", to = "2090-01-31", hours = Ramadan }, op,
            "period { id scope }"))["data"]!["addCenterSpecialHoursPeriod"]!["period"]!;
        Assert.Equal("CENTER", period["scope"]!.GetValue<string>());

        // Monday 2 January 2090 in Ramadan hours, Saturday 7 closed in Ramadan (not among its days), Monday 9 closed for works.
        var days = (await api.GraphQL("query($id: ID!) { openingDays(centerId: $id, from: \"2090-01-01\", to: \"2090-01-09\") { totalCount nodes { date weekday open closedBecause sessions { opens closes } closure { reason } specialPeriod { name scope } } } }",
            new { id = centerId }))["data"]!["openingDays"]!["nodes"]!.AsArray();
        Assert.Equal(9, days.Count);
        Assert.Equal(("2090-01-01", "SUNDAY", "WEEKLY"), (days[0]!["date"]!.GetValue<string>(), days[0]!["weekday"]!.GetValue<string>(), days[0]!["closedBecause"]!.GetValue<string>()));
        Assert.Equal("""[{"opens":"08:00","closes":"14:00"}]""", days[1]!["sessions"]!.ToJsonString());
        Assert.Equal("Ramadan 2090", days[1]!["specialPeriod"]!["name"]!.GetValue<string>());
        Assert.Equal("WEEKLY", days[6]!["closedBecause"]!.GetValue<string>());
        Assert.Equal(("CLOSURE", "Travaux de câblage"), (days[8]!["closedBecause"]!.GetValue<string>(), days[8]!["closure"]!["reason"]!.GetValue<string>()));

        var removed = await Mutate("removeCenterClosure", new { centerId, closureId = closure["id"]!.GetValue<string>() }, op, "center { calendar { closures { id } } }");
        Assert.Empty(removed["data"]!["removeCenterClosure"]!["center"]!["calendar"]!["closures"]!.AsArray());
        var noPeriod = await Mutate("removeCenterSpecialHoursPeriod", new { centerId, periodId = period["id"]!.GetValue<string>() }, op, "center { version calendar { specialPeriods { scope } } }");
        Assert.DoesNotContain(noPeriod["data"]!["removeCenterSpecialHoursPeriod"]!["center"]!["calendar"]!["specialPeriods"]!.AsArray(), p => p!["scope"]!.GetValue<string>() == "CENTER");
        Assert.Equal(7, noPeriod["data"]!["removeCenterSpecialHoursPeriod"]!["center"]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bad_input_on_every_calendar_mutation_is_a_typed_error_naming_the_field_and_changes_nothing()
    {
        var op = await Operator();
        var (centerId, _) = await NewCenter();
        var center = await CenterCalendar(centerId);
        var national = await NationalCalendar();
        (string Mutation, object Input, string Code, string Field)[] cases =
        [
            ("addPublicHoliday", new { date = "2093-02-30", nameAr = "عطلة", nameFr = "Congé" }, "BAD_USER_INPUT", "input.date"),
            ("addPublicHoliday", new { date = "2093-02-03", nameAr = "عطلة", nameFr = "  " }, "BAD_USER_INPUT", "input.nameFr"),
            ("addPublicHoliday", new { date = "2093-02-03", nameAr = "عطلة", nameFr = new string('x', 101) }, "BAD_USER_INPUT", "input.nameFr"),
            ("removePublicHoliday", new { date = "2093-02-03" }, "CALENDAR_INVALID", "date"),
            ("addNationalSpecialHoursPeriod", new { name = "Ramadan 2093", from = "2093-02-01", to = "2093-03-01", hours = Hours("8h00", "14:00") }, "BAD_USER_INPUT", "input.hours[0].sessions[0].opens"),
            ("addNationalSpecialHoursPeriod", new { name = "Ramadan 2093", from = "2093-03-01", to = "2093-02-01", hours = Ramadan }, "CALENDAR_INVALID", "to"),
            ("addNationalSpecialHoursPeriod", new { name = "Ramadan 2093", from = "2093-02-01", to = "2093-03-01", hours = Hours("14:00", "08:00") }, "CALENDAR_INVALID", "hours"),
            ("addNationalSpecialHoursPeriod", new { name = "", from = "2093-02-01", to = "2093-03-01", hours = Ramadan }, "BAD_USER_INPUT", "input.name"),
            ("removeNationalSpecialHoursPeriod", new { periodId = "national-period-0" }, "CALENDAR_INVALID", "periodId"),
            ("setCenterOpeningHours", new { centerId, hours = Hours("08:00", "24:00") }, "BAD_USER_INPUT", "input.hours[0].sessions[0].closes"),
            ("setCenterOpeningHours", new { centerId, hours = Hours("05:00", "12:00") }, "CALENDAR_INVALID", "hours"),
            ("setCenterOpeningHours", new { centerId, hours = Array.Empty<object>() }, "CALENDAR_INVALID", "hours"),
            ("setCenterDesks", new { centerId, desks = new[] { new { category = "ADMINISTRATIVE", desks = 201 } }, slotLengths = Array.Empty<object>() }, "CALENDAR_INVALID", "desks"),
            ("setCenterDesks", new { centerId, desks = Array.Empty<object>(), slotLengths = new[] { new { service = "NATIONAL_ID_CARD", minutes = 3 } } }, "CALENDAR_INVALID", "slotLengths"),
            ("addCenterClosure", new { centerId, from = "2090-02-02", to = "2090-02-01", reason = "Travaux" }, "CALENDAR_INVALID", "to"),
            ("addCenterClosure", new { centerId, from = "2090-01-01", to = "2091-01-02", reason = "Travaux" }, "CALENDAR_INVALID", "to"),
            ("addCenterClosure", new { centerId, from = "2090-02-01", to = "2090-02-02", reason = " " }, "BAD_USER_INPUT", "input.reason"),
            ("removeCenterClosure", new { centerId, closureId = "closure-1" }, "CALENDAR_INVALID", "closureId"),
            ("addCenterSpecialHoursPeriod", new { centerId, name = "Été", from = "2090-07-01", to = "2090-08-31", hours = Hours("07:30", "7:30") }, "BAD_USER_INPUT", "input.hours[0].sessions[0].closes"),
            ("addCenterSpecialHoursPeriod", new { centerId, name = "Été", from = "2090-07-01", to = "2090-08-31", hours = Hours("07:30", "07:45") }, "CALENDAR_INVALID", "hours"),
            ("removeCenterSpecialHoursPeriod", new { centerId, periodId = "period-1" }, "CALENDAR_INVALID", "periodId"),
        ];

        foreach (var (mutation, input, code, field) in cases)
        {
            var result = await Mutate(mutation, input, op);
            if (code == "BAD_USER_INPUT")
            {
                var error = result["errors"]![0]!;
                Assert.True(code == error["extensions"]!["code"]!.GetValue<string>(), $"{mutation}: {result.ToJsonString()}");
                Assert.Equal(field, error["extensions"]!["parameters"]!["field"]!.GetValue<string>());
            }
            else
            {
                var error = result["data"]![mutation]!["errors"]![0]!;
                Assert.True(code == error["code"]!.GetValue<string>(), $"{mutation}: {result.ToJsonString()}");
                Assert.Equal(field, Parameter(error, "field"));
            }

            Assert.Equal(center, await CenterCalendar(centerId));
            Assert.Equal(national, await NationalCalendar());
        }

        var unknown = await Mutate("addCenterClosure", new { centerId = GlobalIds.Center("NO-SUCH-CENTER"), from = "2090-02-01", to = "2090-02-01", reason = "Travaux" }, op);
        Assert.Equal("CENTER_NOT_FOUND", unknown["data"]!["addCenterClosure"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Citizens_and_agents_cannot_change_calendars()
    {
        var (centerId, code) = await NewCenter();
        var center = await CenterCalendar(centerId);
        var national = await NationalCalendar();
        string[] tokens = [await api.Token("CITIZEN", "cit-calendar"), await api.Token("AGENT", "agent-calendar", code)];
        (string Mutation, object Input)[] changes =
        [
            ("addPublicHoliday", new { date = "2093-02-03", nameAr = "عطلة", nameFr = "Congé" }),
            ("removePublicHoliday", new { date = "2093-02-03" }),
            ("addNationalSpecialHoursPeriod", new { name = "Ramadan 2093", from = "2093-02-01", to = "2093-03-01", hours = Ramadan }),
            ("removeNationalSpecialHoursPeriod", new { periodId = "national-period-1" }),
            ("setCenterOpeningHours", new { centerId, hours = Ramadan }),
            ("setCenterDesks", new { centerId, desks = new[] { new { category = "ADMINISTRATIVE", desks = 9 } }, slotLengths = Array.Empty<object>() }),
            ("addCenterClosure", new { centerId, from = "2090-02-01", to = "2090-02-01", reason = "Travaux" }),
            ("removeCenterClosure", new { centerId, closureId = "closure-1" }),
            ("addCenterSpecialHoursPeriod", new { centerId, name = "Été", from = "2090-07-01", to = "2090-08-31", hours = Ramadan }),
            ("removeCenterSpecialHoursPeriod", new { centerId, periodId = "period-1" }),
        ];
        foreach (var token in tokens)
        {
            foreach (var (mutation, input) in changes)
            {
                var result = await Mutate(mutation, input, token);
                Assert.True("FORBIDDEN" == result["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>(), $"{mutation}: {result.ToJsonString()}");
            }
        }

        Assert.Equal(center, await CenterCalendar(centerId));
        Assert.Equal(national, await NationalCalendar());
    }

    [Fact]
    public async Task The_demo_ships_this_and_next_years_fixed_date_holidays_in_arabic_and_french_and_a_national_period_reaches_every_center()
    {
        var year = Actors.Contracts.Scheduling.TunisTime.DayOf(DateTimeOffset.UtcNow).Year;
        foreach (var y in new[] { year, year + 1 })
        {
            var holidays = (await api.GraphQL($"{{ publicHolidays(year: {y}) {{ date nameAr nameFr }} }}"))["data"]!["publicHolidays"]!.AsArray();
            Assert.Equal(
                [$"{y}-01-01", $"{y}-03-20", $"{y}-04-09", $"{y}-05-01", $"{y}-07-25", $"{y}-08-13", $"{y}-10-15", $"{y}-12-17"],
                holidays.Select(h => h!["date"]!.GetValue<string>()).Take(8).ToList());
            Assert.Contains(holidays, h => h!["nameAr"]!.GetValue<string>() == "عيد الجمهورية" && h["nameFr"]!.GetValue<string>() == "Fête de la République");
        }

        Assert.Equal("year", (await api.GraphQL("{ publicHolidays(year: 1999) { date } }"))["errors"]![0]!["extensions"]!["parameters"]!["field"]!.GetValue<string>());
        var demo = GlobalIds.Center("TN11-GU1");
        Assert.Equal("to", (await api.GraphQL($"{{ openingDays(centerId: \"{demo}\", from: \"2090-01-01\", to: \"2091-01-02\") {{ totalCount }} }}"))["errors"]![0]!["extensions"]!["parameters"]!["field"]!.GetValue<string>());

        var op = await Operator();
        var (centerId, _) = await NewCenter();
        var period = (await Mutate("addNationalSpecialHoursPeriod", new { name = "Ramadan 2094", from = "2094-01-01", to = "2094-01-29", hours = Ramadan }, op,
            "period { id scope }"))["data"]!["addNationalSpecialHoursPeriod"]!["period"]!;
        try
        {
            Assert.Equal("NATIONAL", period["scope"]!.GetValue<string>());
            foreach (var id in new[] { demo, centerId })
            {
                var periods = (await api.GraphQL("query($id: ID!) { center(id: $id) { calendar { specialPeriods { id scope } } } }", new { id }))["data"]!["center"]!["calendar"]!["specialPeriods"]!.AsArray();
                Assert.Contains(periods, p => p!["id"]!.GetValue<string>() == period["id"]!.GetValue<string>() && p["scope"]!.GetValue<string>() == "NATIONAL");
            }
        }
        finally
        {
            await Mutate("removeNationalSpecialHoursPeriod", new { periodId = period["id"]!.GetValue<string>() }, op);
        }
    }
}
