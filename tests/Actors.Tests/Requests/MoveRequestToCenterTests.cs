using System.Text.Json.Nodes;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Requests;

/// <summary>
/// A request whose center stops taking bookings waits there and says why; it moves to another center of the governorate
/// only when its owner asks, and never to a center that could not take it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MoveRequestToCenterTests(ApiFactory api)
{
    private const string Move =
        "mutation($in: MoveRequestToCenterInput!) { moveRequestToCenter(input: $in) { request { center { code } version history { reason } waiting { reason } } "
        + "errors { __typename ... on Error { code message } } } }";

    private const string ReadWaiting = "query($id: ID!) { request(id: $id) { version center { code } waiting { reason message } } }";

    [Fact]
    public async Task A_request_at_a_suspended_center_waits_and_moves_only_with_its_owners_consent()
    {
        var operatorToken = await api.Token("OPERATOR", "op-move");
        var suspended = await PilotCenter(operatorToken, "KEBILI");
        var other = await PilotCenter(operatorToken, "KEBILI");
        var elsewhere = await PilotCenter(operatorToken, "SFAX");
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(suspended, "move-1"), citizen);
        var id = submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();

        var phase = await api.GraphQL(
            "mutation($in: ChangeCenterRolloutPhaseInput!) { changeCenterRolloutPhase(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { centerId = GlobalIds.Center(suspended), phase = "SUSPENDED", reason = "Network outage" } }, operatorToken);
        Assert.Null(phase["data"]!["changeCenterRolloutPhase"]!["errors"]);

        var waiting = await Eventually(async () => (await api.GraphQL(ReadWaiting, new { id }, citizen))["data"]!["request"]!,
            r => r["waiting"] is not null);
        Assert.Equal("CENTER_NOT_TAKING_BOOKINGS", waiting["waiting"]!["reason"]!.GetValue<string>());
        Assert.Contains("SUSPENDED", waiting["waiting"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var version = waiting["version"]!.GetValue<long>();

        // Nobody else moves it: an agent has no such mutation, another citizen does not even see the request.
        var agent = await api.GraphQL(Move, new { @in = new { requestId = id, centerId = GlobalIds.Center(other) } }, await api.Token("AGENT", "agent-move", suspended));
        Assert.Equal("FORBIDDEN", agent["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var stranger = await api.GraphQL(Move, new { @in = new { requestId = id, centerId = GlobalIds.Center(other) } }, await api.Token("CITIZEN", "someone-else"));
        Assert.Equal("NOT_FOUND", Code(stranger));

        // The owner cannot move it out of the governorate, to a center that does not exist, or to its suspended center's twin that does not take requests.
        Assert.Equal("VALIDATION_FAILED", Code(await api.GraphQL(Move, new { @in = new { requestId = id, centerId = GlobalIds.Center(elsewhere) } }, citizen)));
        Assert.Equal("CENTER_NOT_FOUND", Code(await api.GraphQL(Move, new { @in = new { requestId = id, centerId = GlobalIds.Center("NO-SUCH-CENTER") } }, citizen)));
        var unchanged = (await api.GraphQL(ReadWaiting, new { id }, citizen))["data"]!["request"]!;
        Assert.Equal(version, unchanged["version"]!.GetValue<long>());
        Assert.Equal(suspended, unchanged["center"]!["code"]!.GetValue<string>());

        var moved = await api.GraphQL(Move, new { @in = new { requestId = id, centerId = GlobalIds.Center(other) } }, citizen);
        var request = moved["data"]!["moveRequestToCenter"]!["request"]!;
        Assert.Equal(other, request["center"]!["code"]!.GetValue<string>());
        Assert.Null(request["waiting"]);
        Assert.Equal(version + 1, request["version"]!.GetValue<long>());
        Assert.Equal($"Moved from center {suspended} to {other} at the owner's request.", request["history"]!.AsArray().Last()!["reason"]!.GetValue<string>());
    }

    private static string Code(JsonNode result) =>
        result["errors"] is JsonArray errors
            ? errors[0]!["extensions"]!["code"]!.GetValue<string>()
            : result["data"]!["moveRequestToCenter"]!["errors"]![0]!["code"]!.GetValue<string>();

    private async Task<string> PilotCenter(string operatorToken, string governorate)
    {
        var code = "MOV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registered = await api.GraphQL(
            "mutation($in: RegisterServiceCenterInput!) { registerServiceCenter(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { code, nameAr = "مركز", nameFr = "Centre", governorate, district = "District", kind = "ONE_STOP_SHOP", services = new[] { "NATIONAL_ID_CARD" }, dailyCapacity = 10 } },
            operatorToken);
        Assert.Null(registered["data"]!["registerServiceCenter"]!["errors"]);
        var phase = await api.GraphQL("mutation($in: ChangeCenterRolloutPhaseInput!) { changeCenterRolloutPhase(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { centerId = GlobalIds.Center(code), phase = "PILOT" } }, operatorToken);
        Assert.Null(phase["data"]!["changeCenterRolloutPhase"]!["errors"]);
        return code;
    }

    private static async Task<JsonNode> Eventually(Func<Task<JsonNode>> read, Func<JsonNode, bool> done)
    {
        JsonNode? value = null;
        await Postgres.Eventually.Async(async () => done(value = await read()), TimeSpan.FromSeconds(10), "the center's phase reaches the request");
        return value!;
    }
}
