using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Tests.Pathway;
using Actors.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Clocks;

/// <summary>
/// A request's clock is not kept in memory between its looks (issue 15, memory per request): after a look it goes,
/// while its request stays active, and the durable reminder brings the next look. Here reminders tick every second
/// (<see cref="ClockApiFactory"/>), so between two looks there is a moment without a clock activation; a clock kept
/// for the silo's collection age (minutes) never shows one.
/// </summary>
public sealed class RequestClockActivationTests(ClockApiFactory host) : IClassFixture<ClockApiFactory>
{
    private readonly PathwayApi api = new(host);

    [Fact]
    public async Task After_a_look_the_clock_goes_while_its_request_stays_active_and_the_next_look_still_comes()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var agent = await host.Token("AGENT", PathwayApi.NewSubject("agent"), centerId: PathwayApi.Tunis);
        var submitted = await api.Mutate(
            "submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("clock"), "01234567"), fields: "id dueAt");
        var id = submitted["id"]!.GetValue<string>();
        var dueAt = DateTimeOffset.Parse(submitted["dueAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        host.MovePast(dueAt);
        await Until(id, agent, r => r["overdueSince"] is not null, "the clock's look flags the request overdue");

        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await Eventually.Async(async () =>
        {
            var active = (await management.GetSimpleGrainStatistics())
                .GroupBy(s => s.GrainType.Split(',')[0].Split('.').Last())
                .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
            return active.GetValueOrDefault("RequestClockGrain") == 0 && active.GetValueOrDefault("CitizenRequestGrain") > 0;
        }, TimeSpan.FromSeconds(20), "no clock active between two looks, its request still active");

        // The reminder outlives the activation: the next threshold (escalation) is still seen.
        host.MovePast(dueAt + TimeSpan.FromDays(14));
        await Until(id, agent, r => r["escalatedAt"] is not null, "the next look escalates the request");
    }

    private async Task Until(string id, string token, Func<JsonNode, bool> condition, string what) =>
        await Eventually.Async(async () =>
        {
            var result = await host.GraphQL("query($id: ID!) { request(id: $id) { id overdueSince escalatedAt } }", new { id }, token);
            Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
            return condition(result["data"]!["request"]!);
        }, TimeSpan.FromSeconds(30), what);
}
