using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Tests.Pathway;
using Actors.Tests.Postgres;

namespace Actors.Tests.Clocks;

/// <summary>
/// The service-level clocks over GraphQL, with the silo's clock moved forward instead of waiting: a request past its
/// target is flagged overdue, escalated at the second threshold, listed in its scope; an unbooked card expires.
/// Each wait polls the API until the effect shows.
/// </summary>
public sealed class RequestClockApiTests(ClockApiFactory host) : IClassFixture<ClockApiFactory>
{
    private const string ClockFields = "id status dueAt overdueSince escalatedAt history { status actor reason }";

    private readonly PathwayApi api = new(host);

    [Fact]
    public async Task A_request_past_its_target_is_flagged_overdue_then_escalated_and_listed_in_scope()
    {
        var (citizen, agent, otherAgent, supervisor, analyst) = await Tokens();
        var late = await Submit(citizen);
        var dueAt = Instant(late["dueAt"]);
        Assert.True(dueAt > host.Clock.GetUtcNow());
        Assert.Null(late["overdueSince"]);

        host.MovePast(dueAt);
        var overdue = await Until(late, agent, r => r["overdueSince"] is not null, "the request is flagged overdue");
        Assert.Equal(dueAt, Instant(overdue["overdueSince"]));
        Assert.Null(overdue["escalatedAt"]);
        Assert.Equal("SUBMITTED", overdue["status"]!.GetValue<string>());

        Assert.Contains(Id(late), await Ids("requests(first: 50, where: { overdue: true })", agent));
        Assert.DoesNotContain(Id(late), await Ids("requests(first: 50, where: { overdue: false })", agent));
        Assert.Contains(Id(late), await Ids("stuckRequests(first: 50)", agent));
        Assert.Empty(await Ids("stuckRequests(first: 50)", otherAgent));
        await Forbidden("{ stuckRequests(first: 5) { totalCount } }", citizen);
        await Forbidden("{ stuckRequests(first: 5) { totalCount } }", analyst);

        // Five working days after the due date (two weeks is more, whatever the holidays): escalated.
        host.MovePast(dueAt + TimeSpan.FromDays(14));
        var escalated = await Until(late, supervisor, r => r["escalatedAt"] is not null, "the request is escalated");
        Assert.Equal(dueAt, Instant(escalated["overdueSince"]));

        // A newer request, overdue but not escalated, comes after the escalated one.
        var newer = await Submit(citizen);
        host.MovePast(Instant(newer["dueAt"]));
        await Until(newer, supervisor, r => r["overdueSince"] is not null, "the newer request is flagged overdue");
        var stuck = await Ids("stuckRequests(first: 50)", supervisor);
        Assert.True(stuck.IndexOf(Id(late)) >= 0 && stuck.IndexOf(Id(late)) < stuck.IndexOf(Id(newer)), string.Join(", ", stuck));
        Assert.Contains(Id(late), await Ids("requests(first: 50, where: { escalated: true })", supervisor));
        Assert.DoesNotContain(Id(newer), await Ids("requests(first: 50, where: { escalated: true })", supervisor));

        // A step starts the clock afresh: a new due date, no overdue or escalation mark.
        var moved = await api.Mutate("startVerification", agent, new { requestId = Id(late) }, fields: ClockFields);
        Assert.Equal("VERIFYING", moved["status"]!.GetValue<string>());
        Assert.Null(moved["overdueSince"]);
        Assert.Null(moved["escalatedAt"]);
        Assert.True(Instant(moved["dueAt"]) > host.Clock.GetUtcNow());
        await Eventually.Async(
            async () => !(await Ids("stuckRequests(first: 50)", agent)).Contains(Id(late)),
            TimeSpan.FromSeconds(30), "a request moved on leaves the stuck list");
    }

    [Fact]
    public async Task A_paid_card_without_an_appointment_expires_and_a_final_request_has_no_due_date()
    {
        var (citizen, agent, _, _, _) = await Tokens();
        var request = await Submit(citizen);
        var id = Id(request);
        await api.Mutate("startVerification", agent, new { requestId = id }, fields: ClockFields);
        await api.Mutate("confirmVerification", agent, new { requestId = id }, fields: ClockFields);
        var paid = await api.Mutate("recordPayment", agent, new { requestId = id, paymentReference = "DESK-1", amountMillimes = 3000 }, fields: ClockFields);
        Assert.Equal("PAID", paid["status"]!.GetValue<string>());

        // 30 working days are at most 60 calendar days, with every holiday of the year.
        host.MovePast(host.Clock.GetUtcNow() + TimeSpan.FromDays(60));
        var expired = await Until(request, citizen, r => r["status"]!.GetValue<string>() == "EXPIRED", "the unbooked card expires");
        var last = expired["history"]!.AsArray()[^1]!;
        Assert.Equal("SYSTEM:system:sla-clock", last["actor"]!.GetValue<string>());
        Assert.Equal("No appointment was booked within 30 working days in status PAID.", last["reason"]!.GetValue<string>());
        Assert.Null(expired["dueAt"]);
        Assert.Null(expired["overdueSince"]);
    }

    private async Task<(string Citizen, string Agent, string OtherAgent, string Supervisor, string Analyst)> Tokens() => (
        await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567"),
        await host.Token("AGENT", PathwayApi.NewSubject("agent"), centerId: PathwayApi.Tunis),
        await host.Token("AGENT", PathwayApi.NewSubject("agent"), centerId: PathwayApi.TunisJudicial),
        await host.Token("SUPERVISOR", PathwayApi.NewSubject("sup"), governorate: "TUNIS"),
        await host.Token("ANALYST", PathwayApi.NewSubject("analyst")));

    private Task<JsonNode> Submit(string citizen) =>
        api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("clock"), "01234567"), fields: ClockFields);

    private async Task<JsonNode> Until(JsonNode request, string token, Func<JsonNode, bool> condition, string what)
    {
        JsonNode? last = null;
        await Eventually.Async(async () =>
        {
            var result = await host.GraphQL($"query($id: ID!) {{ request(id: $id) {{ {ClockFields} }} }}", new { id = Id(request) }, token);
            Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
            last = result["data"]!["request"]!;
            return condition(last);
        }, TimeSpan.FromSeconds(30), what);
        return last!;
    }

    private async Task<List<string>> Ids(string field, string token)
    {
        var result = await host.GraphQL($"{{ list: {field} {{ totalCount asOf nodes {{ id }} }} }}", token: token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        var list = result["data"]!["list"]!;
        Assert.NotNull(list["asOf"]);
        return list["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
    }

    private async Task Forbidden(string query, string token)
    {
        var result = await host.GraphQL(query, token: token);
        Assert.Equal("FORBIDDEN", result["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    private static string Id(JsonNode request) => request["id"]!.GetValue<string>();

    private static DateTimeOffset Instant(JsonNode? value) =>
        DateTimeOffset.Parse(value?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("No instant."), CultureInfo.InvariantCulture);
}
