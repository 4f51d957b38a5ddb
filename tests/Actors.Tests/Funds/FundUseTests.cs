using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;
using Actors.Grains.Funds;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Funds;

/// <summary>fundUse and /exports/fund-use.csv over real HTTP, on a fund year of their own.</summary>
[Collection(FundApiCollection.Name)]
public sealed class FundUseTests(FundApiFactory api)
{
    private static int _lastYear = 2079;

    private const string Figures = "allocations municipalities reserved { millimes dinars } allocated { millimes } disbursed { millimes }";

    private const string FundUse = $$"""
        query($year: Int!, $where: FundUseWhereInput, $groupBy: [FundUseDimension!]) {
          fundUse(year: $year, where: $where, groupBy: $groupBy) {
            asOf projectionLagSeconds totals { {{Figures}} } groups { programme governorate { code } figures { {{Figures}} } } } }
        """;

    [Fact]
    public async Task The_totals_are_the_funds_own_and_the_groups_are_its_programmes_and_governorates()
    {
        var (year, tunis, sfax) = await YearWithAllocations();
        var analyst = await api.Token("ANALYST", "analyst-fund-use");

        var fund = Data(await api.GraphQL("""
            query($year: Int!) { fund(year: $year) { reserved { millimes } allocated { millimes } disbursed { millimes } allocationCount
              programmes { code reserved { millimes } allocated { millimes } disbursed { millimes } allocationCount }
              byGovernorate { governorate { code } reserved { millimes } allocated { millimes } disbursed { millimes } allocationCount } } }
            """, new { year }, analyst))["fund"]!;
        var use = Data(await api.GraphQL(FundUse, new { year }, analyst))["fundUse"]!;
        var totals = use["totals"]!;
        Assert.Equal(
            (fund["allocationCount"]!.GetValue<int>(), Millimes(fund, "reserved"), Millimes(fund, "allocated"), Millimes(fund, "disbursed")),
            (totals["allocations"]!.GetValue<int>(), Millimes(totals, "reserved"), Millimes(totals, "allocated"), Millimes(totals, "disbursed")));
        Assert.Equal((3, 2, 1_000_000L, 2_000_000L + 250_000L, 500_000L + 250_000L),
            (totals["allocations"]!.GetValue<int>(), totals["municipalities"]!.GetValue<int>(), Millimes(totals, "reserved"), Millimes(totals, "allocated"), Millimes(totals, "disbursed")));
        Assert.Equal("1000.000", totals["reserved"]!["dinars"]!.GetValue<string>());
        Assert.Empty(use["groups"]!.AsArray());
        Assert.Equal(0, use["projectionLagSeconds"]!.GetValue<double>());
        Assert.True(DateTimeOffset.Parse(use["asOf"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-5));

        var byProgramme = Data(await api.GraphQL(FundUse, new { year, groupBy = new[] { "PROGRAMME" } }, analyst))["fundUse"]!["groups"]!.AsArray();
        Assert.Equal(["ROADS", "MARKETS"], byProgramme.Select(g => g!["programme"]!.GetValue<string>()));
        Assert.All(byProgramme, g => Assert.Null(g!["governorate"]));
        foreach (var group in byProgramme)
        {
            var line = fund["programmes"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == group!["programme"]!.GetValue<string>())!;
            Assert.Equal(Sums(line, "allocationCount"), Sums(group!["figures"]!, "allocations"));
        }

        var byGovernorate = Data(await api.GraphQL(FundUse, new { year, groupBy = new[] { "GOVERNORATE" } }, analyst))["fundUse"]!["groups"]!.AsArray();
        Assert.Equal(["SFAX", "TUNIS"], byGovernorate.Select(g => g!["governorate"]!["code"]!.GetValue<string>()));
        foreach (var group in byGovernorate)
        {
            var line = fund["byGovernorate"]!.AsArray().Single(g => g!["governorate"]!["code"]!.GetValue<string>() == group!["governorate"]!["code"]!.GetValue<string>())!;
            Assert.Equal(Sums(line, "allocationCount"), Sums(group!["figures"]!, "allocations"));
        }

        // Tunis has one municipality with two allocations in two programmes: one municipality in its governorate's group.
        Assert.Equal(1, byGovernorate.Single(g => g!["governorate"]!["code"]!.GetValue<string>() == "TUNIS")!["figures"]!["municipalities"]!.GetValue<int>());
        var both = Data(await api.GraphQL(FundUse, new { year, groupBy = new[] { "GOVERNORATE", "PROGRAMME" } }, analyst))["fundUse"]!["groups"]!.AsArray();
        Assert.Equal(["ROADS/SFAX", "ROADS/TUNIS", "MARKETS/TUNIS"],
            both.Select(g => g!["programme"]!.GetValue<string>() + "/" + g["governorate"]!["code"]!.GetValue<string>()));
        Assert.Equal(Millimes(totals, "allocated"), both.Sum(g => Millimes(g!["figures"]!, "allocated")));

        var filtered = Data(await api.GraphQL(FundUse, new { year, where = new { programme = "ROADS", governorate = "SFAX" } }, analyst))["fundUse"]!["totals"]!;
        Assert.Equal((1, 0L, 2_000_000L, 500_000L), (filtered["allocations"]!.GetValue<int>(), Millimes(filtered, "reserved"), Millimes(filtered, "allocated"), Millimes(filtered, "disbursed")));
        Assert.Contains(sfax, await MunicipalitiesIn("SFAX"));
        Assert.Contains(tunis, await MunicipalitiesIn("TUNIS"));

        var manager = Data(await api.GraphQL(FundUse, new { year }, await api.Token("FUND_MANAGER", "fm-fund-use-reader")))["fundUse"]!["totals"]!;
        Assert.Equal(totals.ToJsonString(), manager.ToJsonString());
    }

    [Fact]
    public async Task A_supervisor_sees_their_governorate_only_and_other_roles_are_refused()
    {
        var (year, _, _) = await YearWithAllocations();
        var supervisor = await Token("SUPERVISOR", "supervisor-fund-use", "SFAX");

        var own = Data(await api.GraphQL(FundUse, new { year, groupBy = new[] { "GOVERNORATE" } }, supervisor))["fundUse"]!;
        Assert.Equal(["SFAX"], own["groups"]!.AsArray().Select(g => g!["governorate"]!["code"]!.GetValue<string>()));
        Assert.Equal((1, 2_000_000L), (own["totals"]!["allocations"]!.GetValue<int>(), Millimes(own["totals"]!, "allocated")));
        var named = Data(await api.GraphQL(FundUse, new { year, where = new { governorate = "SFAX" } }, supervisor))["fundUse"]!;
        Assert.Equal(own["totals"]!.ToJsonString(), named["totals"]!.ToJsonString());

        Assert.Equal("FORBIDDEN", ErrorCode(await api.GraphQL(FundUse, new { year, where = new { governorate = "TUNIS" } }, supervisor)));
        Assert.Equal("UNAUTHENTICATED", ErrorCode(await api.GraphQL(FundUse, new { year })));
        foreach (var role in new[] { "CITIZEN", "OPERATOR", "EDUCATION_OFFICER" })
        {
            Assert.Equal("FORBIDDEN", ErrorCode(await api.GraphQL(FundUse, new { year }, await api.Token(role, $"{role}-fund-use"))));
        }

        var analyst = await api.Token("ANALYST", "analyst-fund-use");
        Assert.Equal("NOT_FOUND", ErrorCode(await api.GraphQL(FundUse, new { year = 2001 }, analyst)));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL(FundUse, new { year = 1500 }, analyst)));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(await api.GraphQL(FundUse, new { year, where = new { governorate = "ATLANTIS" } }, analyst)));
    }

    [Fact]
    public async Task The_csv_export_answers_like_the_query_with_names_in_both_languages_and_dinars()
    {
        var (year, _, _) = await YearWithAllocations();
        var analyst = await api.Token("ANALYST", "analyst-fund-use");

        using var response = await Get($"/exports/fund-use.csv?year={year}&groupBy=PROGRAMME,GOVERNORATE", analyst);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.Equal("programme,programmeNameFr,programmeNameAr,governorate,governorateNameFr,governorateNameAr,allocations,municipalities,reserved,allocated,disbursed", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("ROADS,Modernisation des routes municipales,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",SFAX,Sfax,صفاقس,1,1,0.000,2000.000,500.000", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("MARKETS,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",TUNIS,Tunis,تونس,1,1,0.000,250.000,250.000", lines[3], StringComparison.Ordinal);
        Assert.Equal(",,,,,,3,2,1000.000,2250.000,750.000", lines[4]);

        using var ungrouped = await Get($"/exports/fund-use.csv?year={year}&programme=ROADS", analyst);
        var rows = (await ungrouped.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(["allocations,municipalities,reserved,allocated,disbursed", "2,2,1000.000,2000.000,500.000", ""], rows);

        var supervisor = await Token("SUPERVISOR", "supervisor-fund-use-csv", "SFAX");
        using (var mine = await Get($"/exports/fund-use.csv?year={year}&groupBy=GOVERNORATE", supervisor))
        {
            var body = await mine.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Contains("\r\nSFAX,Sfax,صفاقس,1,1,", body, StringComparison.Ordinal);
            Assert.DoesNotContain("TUNIS", body, StringComparison.Ordinal);
        }

        await Refused($"/exports/fund-use.csv?year={year}&governorate=TUNIS", supervisor, HttpStatusCode.Forbidden, "FORBIDDEN");
        await Refused($"/exports/fund-use.csv?year={year}", null, HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await Refused($"/exports/fund-use.csv?year={year}", await api.Token("OPERATOR", "operator-fund-use"), HttpStatusCode.Forbidden, "FORBIDDEN");
        await Refused($"/exports/fund-use.csv?year={year}&groupBy=MUNICIPALITY", analyst, HttpStatusCode.BadRequest, "BAD_USER_INPUT");
        await Refused($"/exports/fund-use.csv?year={year}&programme=BRIDGES", analyst, HttpStatusCode.BadRequest, "BAD_USER_INPUT");
        await Refused("/exports/fund-use.csv?groupBy=PROGRAMME", analyst, HttpStatusCode.BadRequest, "BAD_USER_INPUT");
        await Refused($"/exports/fund-use.csv?year={year}&status=PROPOSED", analyst, HttpStatusCode.BadRequest, "BAD_USER_INPUT");
        await Refused("/exports/fund-use.csv?year=2001", analyst, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    /// <summary>
    /// A new fund year with: 1,000 dinars proposed (ROADS, Tunis); 2,000 approved, committed, 500 disbursed (ROADS, Sfax);
    /// 3,000 approved, committed, 250 disbursed then cancelled (MARKETS, the same Tunis municipality).
    /// </summary>
    private async Task<(int Year, string Tunis, string Sfax)> YearWithAllocations()
    {
        var year = Interlocked.Increment(ref _lastYear);
        await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IFundGrain>(year).Open(Actor.System("tests"), FundSeeds.Setup2026);
        var (fm1, fm2) = (await api.Token("FUND_MANAGER", "fm-use-1"), await api.Token("FUND_MANAGER", "fm-use-2"));
        var tunis = (await MunicipalitiesIn("TUNIS"))[0];
        var sfax = (await MunicipalitiesIn("SFAX"))[0];

        await Allocate(fm1, year, "ROADS", tunis, 1_000_000);
        var roads = await Allocate(fm1, year, "ROADS", sfax, 2_000_000);
        await Step("approveAllocation", roads, fm2);
        await Step("commitAllocation", roads, fm2);
        await Disburse(fm1, roads, 500_000);
        var markets = await Allocate(fm1, year, "MARKETS", tunis, 3_000_000);
        await Step("approveAllocation", markets, fm2);
        await Step("commitAllocation", markets, fm2);
        await Disburse(fm1, markets, 250_000);
        await Step("cancelAllocation", markets, fm2);
        return (year, tunis, sfax);
    }

    private async Task<List<string>> MunicipalitiesIn(string governorate)
    {
        var result = Data(await api.GraphQL("query($g: [GovernorateCode!]) { municipalities(first: 50, where: { governorates: $g }) { nodes { code } } }",
            new { g = new[] { governorate } }, await api.Token("FUND_MANAGER", "fm-use-1")));
        return result["municipalities"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
    }

    private async Task<string> Allocate(string token, int year, string programme, string municipalityCode, long amountMillimes)
    {
        var result = Data(await api.GraphQL("""
            mutation($input: AllocateFundsInput!) { allocateFunds(input: $input) { allocation { id } errors { __typename ... on Error { code message } } } }
            """, new { input = new { year, programme, municipalityCode, amountMillimes, reason = "Test", idempotencyKey = Guid.NewGuid().ToString("N") } }, token));
        Assert.True(result["allocateFunds"]!["errors"] is null, result.ToJsonString());
        return result["allocateFunds"]!["allocation"]!["id"]!.GetValue<string>();
    }

    private async Task Step(string mutation, string allocationId, string token)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var result = Data(await api.GraphQL($$"""
            mutation($input: {{inputType}}!) { {{mutation}}(input: $input) { allocation { status } errors { __typename ... on Error { code message } } } }
            """, new { input = new { allocationId, reason = "Test" } }, token));
        Assert.True(result[mutation]!["errors"] is null, result.ToJsonString());
    }

    private async Task Disburse(string token, string allocationId, long amountMillimes)
    {
        var result = Data(await api.GraphQL("""
            mutation($input: DisburseAllocationInput!) { disburseAllocation(input: $input) { allocation { status } errors { __typename ... on Error { code message } } } }
            """, new { input = new { allocationId, amountMillimes, reason = "OP", idempotencyKey = Guid.NewGuid().ToString("N") } }, token));
        Assert.True(result["disburseAllocation"]!["errors"] is null, result.ToJsonString());
    }

    private async Task<string> Token(string role, string subject, string governorate)
    {
        using var response = await api.Http.PostAsJsonAsync("/dev/token", new { role, subject, governorate }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> Get(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task Refused(string path, string? token, HttpStatusCode status, string code)
    {
        using var response = await Get(path, token);
        Assert.Equal(status, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(code, body["code"]!.GetValue<string>());
    }

    private static (int, long, long, long) Sums(JsonNode node, string countField) =>
        (node[countField]!.GetValue<int>(), Millimes(node, "reserved"), Millimes(node, "allocated"), Millimes(node, "disbursed"));

    private static long Millimes(JsonNode node, string field) => node[field]!["millimes"]!.GetValue<long>();

    private static JsonNode Data(JsonNode result)
    {
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!;
    }

    private static string ErrorCode(JsonNode result)
    {
        Assert.True(result["errors"] is JsonArray { Count: > 0 }, result.ToJsonString());
        return result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
    }
}
