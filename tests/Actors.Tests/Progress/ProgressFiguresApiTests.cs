using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Progress;

/// <summary>
/// The analysts' figures through the API on requests of a center of our own: rates, overdue and durations equal a
/// recount by hand from the requests' histories; suppression for analysts; rollout; the same answer as CSV.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProgressFiguresApiTests(ApiFactory api)
{
    private const string Figures = """
        query($where: RequestWhereInput, $by: [ProgressDimension!]) { progress(where: $where, groupBy: $by) {
          total projectionLagSeconds completionRate rejectionRate overdue
          timeToCompletion { p50Hours p90Hours count suppressed }
          timeInStatus { status p50Hours p90Hours count suppressed }
          groups { status count suppressed } } }
        """;

    [Fact]
    public async Task Figures_equal_a_recount_and_small_ones_are_withheld_from_analysts()
    {
        var (_, centerId, agent) = await CenterWithRequests(submitted: 12, verified: 7, rejected: 6);
        var where = new { centerIds = new[] { centerId } };

        var exact = (await api.GraphQL(Figures, new { where, by = new[] { "STATUS" } }, agent))["data"]!["progress"]!;
        Assert.Equal(12, exact["total"]!.GetValue<long>());
        Assert.Equal(0.0, exact["completionRate"]!.GetValue<double>());
        Assert.Equal(1.0, exact["rejectionRate"]!.GetValue<double>());
        Assert.Equal(0, exact["overdue"]!.GetValue<int>());
        Assert.Equal(0, exact["timeToCompletion"]!["count"]!.GetValue<int>());
        Assert.Equal(0.0, exact["projectionLagSeconds"]!.GetValue<double>());

        // By hand: each request's history, stays in the statuses it has left, nearest-rank percentiles in whole seconds.
        var histories = await Histories(agent, centerId);
        var stays = histories
            .SelectMany(h => h.Zip(h.Skip(1), (from, to) => (from.Status, Seconds: (long)Math.Floor((to.At - from.At).TotalSeconds))))
            .GroupBy(s => s.Status)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Seconds).Order().ToList());
        var timeInStatus = exact["timeInStatus"]!.AsArray();
        Assert.Equal(stays.Keys.Order(StringComparer.Ordinal), timeInStatus.Select(s => s!["status"]!.GetValue<string>()));
        foreach (var status in timeInStatus)
        {
            var seconds = stays[status!["status"]!.GetValue<string>()];
            Assert.Equal(seconds.Count, status["count"]!.GetValue<int>());
            Assert.Equal(seconds[(int)Math.Ceiling(0.5 * seconds.Count) - 1] / 3600.0, status["p50Hours"]!.GetValue<double>(), 9);
            Assert.Equal(seconds[(int)Math.Ceiling(0.9 * seconds.Count) - 1] / 3600.0, status["p90Hours"]!.GetValue<double>(), 9);
        }

        Assert.Equal(7, stays["SUBMITTED"].Count);
        Assert.Equal(6, stays["VERIFYING"].Count);

        // An analyst: 5 SUBMITTED, 1 VERIFYING, 6 REJECTED. The 1 is withheld, and the 5 with it (else 12 − 5 − 6 gives it away).
        var analyst = (await api.GraphQL(Figures, new { where, by = new[] { "STATUS" } }, await api.Token("ANALYST", "analyst-figures")))["data"]!["progress"]!;
        var groups = analyst["groups"]!.AsArray().ToDictionary(g => g!["status"]!.GetValue<string>(), g => g!);
        Assert.True(groups["VERIFYING"]["suppressed"]!.GetValue<bool>());
        Assert.True(groups["SUBMITTED"]["suppressed"]!.GetValue<bool>());
        Assert.Null(groups["SUBMITTED"]["count"]);
        Assert.Equal(6, groups["REJECTED"]["count"]!.GetValue<long>());
        Assert.Equal(1.0, analyst["rejectionRate"]!.GetValue<double>());
        Assert.True(analyst["timeToCompletion"]!["suppressed"]!.GetValue<bool>() is false);

        // Five requests: every figure over fewer than five is withheld; agents still see them exactly.
        var (_, smallCenter, smallAgent) = await CenterWithRequests(submitted: 4, verified: 3, rejected: 3);
        var small = (await api.GraphQL(Figures, new { where = new { centerIds = new[] { smallCenter } } }, await api.Token("ANALYST", "analyst-figures")))["data"]!["progress"]!;
        Assert.Null(small["total"]);
        Assert.Null(small["rejectionRate"]);
        Assert.All(small["timeInStatus"]!.AsArray(), s => Assert.True(s!["suppressed"]!.GetValue<bool>() && s["p50Hours"] is null && s["count"] is null));
        var smallExact = (await api.GraphQL(Figures, new { where = new { centerIds = new[] { smallCenter } } }, smallAgent))["data"]!["progress"]!;
        Assert.Equal(1.0, smallExact["rejectionRate"]!.GetValue<double>());
        Assert.Equal(3, smallExact["timeInStatus"]!.AsArray().Single(s => s!["status"]!.GetValue<string>() == "VERIFYING")!["count"]!.GetValue<int>());

        // The same answer as CSV, with the same suppression.
        var csv = await Csv($"/exports/progress.csv?groupBy=STATUS&status=SUBMITTED&status=VERIFYING&status=REJECTED", await api.Token("ANALYST", "analyst-figures"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("progress-", csv.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_keeps_arabic_names()
    {
        var (_, _, agent) = await CenterWithRequests(submitted: 6, verified: 0, rejected: 0);

        var response = await Csv("/exports/progress.csv?groupBy=GOVERNORATE&groupBy=STATUS", agent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("governorate,governorateNameAr,governorateNameFr,status,count,suppressed", lines[0]);
        Assert.Equal("KEBILI,قبلي,Kébili,SUBMITTED,6,false", lines[1]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public async Task The_csv_refuses_like_the_api()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Csv("/exports/progress.csv", null)).StatusCode);
        var citizen = await Csv("/exports/progress.csv", await api.Token("CITIZEN", "cit-csv"));
        Assert.Equal(HttpStatusCode.Forbidden, citizen.StatusCode);
        Assert.Contains("FORBIDDEN", await citizen.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var analyst = await api.Token("ANALYST", "analyst-csv");
        var bad = await Csv("/exports/progress.csv?groupBy=COLOUR&submittedFrom=31/12/2026&governorate=ATLANTIS&colour=red", analyst);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = JsonNode.Parse(await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["message"]!.GetValue<string>();
        Assert.Contains("groupBy: 'COLOUR'", message, StringComparison.Ordinal);
        Assert.Contains("submittedFrom", message, StringComparison.Ordinal);
        Assert.Contains("ATLANTIS", message, StringComparison.Ordinal);
        Assert.Contains("colour", message, StringComparison.Ordinal);
        var reversed = await Csv("/exports/progress.csv?submittedFrom=2026-12-31&submittedTo=2026-01-01", analyst);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }

    [Fact]
    public async Task Rollout_counts_centers_by_phase_within_the_callers_scope()
    {
        const string Query = "query($g: GovernorateCode) { rollout(where: { governorate: $g }) { asOf byPhase { phase count averageReadiness } } }";
        var operatorToken = await api.Token("OPERATOR", "op-rollout");
        var before = await api.GraphQL(Query, new { g = "TOZEUR" }, operatorToken);
        var pilotsBefore = before["data"]!["rollout"]!["byPhase"]!.AsArray().Single(p => p!["phase"]!.GetValue<string>() == "PILOT")!["count"]!.GetValue<int>();
        await RegisterCenter(operatorToken, "TOZEUR", pilot: true);

        var after = (await api.GraphQL(Query, new { g = "TOZEUR" }, await api.Token("ANALYST", "analyst-rollout")))["data"]!["rollout"]!;
        var phases = after["byPhase"]!.AsArray();
        Assert.Equal(["PLANNED", "PILOT", "LIVE", "SUSPENDED"], phases.Select(p => p!["phase"]!.GetValue<string>()));
        Assert.Equal(pilotsBefore + 1, phases[1]!["count"]!.GetValue<int>());
        Assert.InRange(phases[1]!["averageReadiness"]!.GetValue<double>(), 0, 1);

        var elsewhere = (await api.GraphQL(Query, new { g = "TOZEUR" }, await api.Token("SUPERVISOR", "sup-rollout", governorate: "TUNIS")))["data"]!["rollout"]!;
        Assert.All(elsewhere["byPhase"]!.AsArray(), p => Assert.Equal(0, p!["count"]!.GetValue<int>()));
        var citizen = await api.GraphQL(Query, new { g = "TOZEUR" }, await api.Token("CITIZEN", "cit-rollout"));
        Assert.Equal("FORBIDDEN", citizen["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> Csv(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<(string Code, string CenterId)> RegisterCenter(string operatorToken, string governorate, bool pilot)
    {
        var code = "FIG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registered = await api.GraphQL(
            "mutation($in: RegisterServiceCenterInput!) { registerServiceCenter(input: $in) { center { id } errors { ... on Error { code } } } }",
            new { @in = new { code, nameAr = "مركز", nameFr = "Centre chiffres", governorate, district = "District", kind = "ONE_STOP_SHOP", services = new[] { "NATIONAL_ID_CARD" }, dailyCapacity = 10 } },
            operatorToken);
        var centerId = registered["data"]!["registerServiceCenter"]!["center"]!["id"]!.GetValue<string>();
        if (pilot)
        {
            await api.GraphQL("mutation($in: ChangeCenterRolloutPhaseInput!) { changeCenterRolloutPhase(input: $in) { errors { ... on Error { code } } } }",
                new { @in = new { centerId, phase = "PILOT" } }, operatorToken);
        }

        return (code, centerId);
    }

    /// <summary>A piloting center in KEBILI with requests: some verified, of those some rejected. Returns its agent's token.</summary>
    private async Task<(string Code, string CenterId, string Agent)> CenterWithRequests(int submitted, int verified, int rejected)
    {
        var (code, centerId) = await RegisterCenter(await api.Token("OPERATOR", "op-figures"), "KEBILI", pilot: true);
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var agent = await api.Token("AGENT", "agent-figures", code);
        for (var i = 0; i < submitted; i++)
        {
            var result = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(code, $"f-{code}-{i}"), citizen);
            var id = result["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
            if (i < verified)
            {
                await Step("startVerification", id, agent, reason: null);
            }

            if (i < rejected)
            {
                await Step("rejectRequest", id, agent, reason: "documents do not match");
            }
        }

        return (code, centerId, agent);
    }

    private async Task Step(string mutation, string id, string token, string? reason)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        object input = reason is null ? new { requestId = id } : new { requestId = id, reason };
        var result = await api.GraphQL($"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ errors {{ ... on Error {{ code message }} }} }} }}", new { @in = input }, token);
        Assert.True(result["data"]![mutation]!["errors"] is null, result.ToJsonString());
    }

    private async Task<List<List<(string Status, DateTimeOffset At)>>> Histories(string agent, string centerId)
    {
        var page = await api.GraphQL(
            "query($where: RequestWhereInput) { requests(where: $where, first: 50) { nodes { history { version status at } } } }",
            new { where = new { centerIds = new[] { centerId } } }, agent);
        return page["data"]!["requests"]!["nodes"]!.AsArray()
            .Select(n => n!["history"]!.AsArray()
                .OrderBy(h => h!["version"]!.GetValue<long>())
                .Select(h => (h!["status"]!.GetValue<string>(), DateTimeOffset.Parse(h["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)))
                .ToList())
            .ToList();
    }
}
