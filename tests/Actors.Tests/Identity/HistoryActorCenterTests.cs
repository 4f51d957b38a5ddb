using Actors.Tests.Api;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Identity;

/// <summary>
/// A citizen reads an agent's step as "AGENT @ center" with the center the agent acted from, recorded when the step
/// happened: a request moved to another center afterwards still shows where its earlier steps were taken.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HistoryActorCenterTests(ApiFactory api)
{
    private const string Read = "query($id: ID!) { request(id: $id) { center { code } history { status actor } } }";

    [Fact]
    public async Task An_agents_step_shows_the_center_it_was_taken_at_after_the_request_moved()
    {
        var operatorToken = await api.Token("OPERATOR", "op-history-center");
        var first = await PilotCenter(operatorToken);
        var second = await PilotCenter(operatorToken);
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(first, "history-center-" + owner), citizen);
        Assert.True(submitted["errors"] is null, submitted.ToJsonString());
        var id = submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();

        var started = await api.GraphQL(
            "mutation($in: StartVerificationInput!) { startVerification(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { requestId = id } }, await api.Token("AGENT", "agent-history-center", first));
        Assert.True(started["errors"] is null && started["data"]!["startVerification"]!["errors"] is null, started.ToJsonString());
        var moved = await api.GraphQL(
            "mutation($in: MoveRequestToCenterInput!) { moveRequestToCenter(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { requestId = id, centerId = GlobalIds.Center(second) } }, citizen);
        Assert.True(moved["errors"] is null && moved["data"]!["moveRequestToCenter"]!["errors"] is null, moved.ToJsonString());

        var request = (await api.GraphQL(Read, new { id }, citizen))["data"]!["request"]!;
        Assert.Equal(second, request["center"]!["code"]!.GetValue<string>());
        var history = request["history"]!.AsArray().Select(h => (h!["status"]!.GetValue<string>(), h["actor"]!.GetValue<string>())).ToList();
        Assert.Equal([("SUBMITTED", "CITIZEN:" + owner), ("VERIFYING", "AGENT @ " + first), ("VERIFYING", "CITIZEN:" + owner)], history);

        // Staff read what was recorded: the agent's own subject.
        var supervisor = await api.Token("SUPERVISOR", "sup-history-center", governorate: "KEBILI");
        var staffView = (await api.GraphQL(Read, new { id }, supervisor))["data"]!["request"]!;
        Assert.Equal("AGENT:agent-history-center", staffView["history"]!.AsArray()[1]!["actor"]!.GetValue<string>());
    }

    private async Task<string> PilotCenter(string operatorToken)
    {
        var code = "HAC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registered = await api.GraphQL(
            "mutation($in: RegisterServiceCenterInput!) { registerServiceCenter(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { code, nameAr = "مركز", nameFr = "Centre", governorate = "KEBILI", district = "District", kind = "ONE_STOP_SHOP", services = new[] { "NATIONAL_ID_CARD" }, dailyCapacity = 10 } },
            operatorToken);
        Assert.Null(registered["data"]!["registerServiceCenter"]!["errors"]);
        var phase = await api.GraphQL("mutation($in: ChangeCenterRolloutPhaseInput!) { changeCenterRolloutPhase(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { centerId = GlobalIds.Center(code), phase = "PILOT" } }, operatorToken);
        Assert.Null(phase["data"]!["changeCenterRolloutPhase"]!["errors"]);
        return code;
    }
}
