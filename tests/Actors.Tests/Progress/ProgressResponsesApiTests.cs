using System.Text.Json.Nodes;
using Actors.Tests.Api;

namespace Actors.Tests.Progress;

/// <summary>
/// A progress response rendered for one analyst is what the next analyst asking the same question gets within the
/// freshness, even if something it shows has changed since (here a center's version); a caller in another scope or
/// language, or a document that asks for the projection lag, gets a response of its own.
/// </summary>
public sealed class ProgressResponsesApiTests(SharedProgressApiFactory api) : IClassFixture<SharedProgressApiFactory>
{
    private const string ByCenter = """
        query($where: RequestWhereInput) { progress(where: $where, groupBy: [CENTER]) { total groups { center { code version } count suppressed } } }
        """;

    private const string ByCenterWithLag = """
        query($where: RequestWhereInput) { progress(where: $where, groupBy: [CENTER]) { total projectionLagSeconds groups { center { code version } count suppressed } } }
        """;

    [Fact]
    public async Task The_same_question_from_the_same_scope_shares_one_rendering_and_no_other_caller_gets_it()
    {
        var op = await api.Token("OPERATOR", "op-shared");
        var code = "SHR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registered = await api.GraphQL(
            "mutation($in: RegisterServiceCenterInput!) { registerServiceCenter(input: $in) { center { id } errors { ... on Error { code } } } }",
            new { @in = new { code, nameAr = "مركز", nameFr = "Centre partagé", governorate = "GABES", district = "District", kind = "ONE_STOP_SHOP", services = new[] { "NATIONAL_ID_CARD" }, dailyCapacity = 10 } },
            op);
        var centerId = registered["data"]!["registerServiceCenter"]!["center"]!["id"]!.GetValue<string>();
        await Mutate(op, "changeCenterRolloutPhase", new { centerId, phase = "PILOT" });
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        for (var i = 0; i < 6; i++)
        {
            var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(code, $"s-{code}-{i}"), citizen);
            Assert.NotNull(submitted["data"]!["submitIdCardRequest"]!["request"]);
        }

        var where = new { where = new { centerIds = new[] { centerId } } };
        var first = await api.GraphQL(ByCenter, where, await api.Token("ANALYST", "analyst-shared-1"));
        var shownVersion = Version(first);
        Assert.Equal(6, first["data"]!["progress"]!["total"]!.GetValue<long>());

        await Mutate(op, "updateCenterReadiness", new { centerId, networked = true, agentsTrained = 1, agentsRequired = 2, workstationsInstalled = 1, workstationsRequired = 2, hostingCapacity = 10 });

        // Another analyst, same question, same language: the response rendered for the first, byte for byte.
        var second = await api.GraphQL(ByCenter, where, await api.Token("ANALYST", "analyst-shared-2"));
        Assert.Equal(first.ToJsonString(), second.ToJsonString());

        // Anyone else renders afresh and sees the center as it is now: another language, another scope, the lag asked.
        var arabic = await api.GraphQL(ByCenter, where, await api.Token("ANALYST", "analyst-shared-2"), language: "ar");
        Assert.Equal(shownVersion + 1, Version(arabic));
        var supervisor = await api.GraphQL(ByCenter, where, await api.Token("SUPERVISOR", "sup-shared", governorate: "GABES"));
        Assert.Equal(shownVersion + 1, Version(supervisor));
        var withLag = await api.GraphQL(ByCenterWithLag, where, await api.Token("ANALYST", "analyst-shared-1"));
        Assert.Equal(shownVersion + 1, Version(withLag));

        // Other variables are another question.
        var everywhere = await api.GraphQL(ByCenter, new { where = new { governorates = new[] { "GABES" } } }, await api.Token("ANALYST", "analyst-shared-1"));
        var ours = everywhere["data"]!["progress"]!["groups"]!.AsArray().Single(g => g!["center"]!["code"]!.GetValue<string>() == code);
        Assert.Equal(shownVersion + 1, ours!["center"]!["version"]!.GetValue<long>());

        // A refusal is never shared: a citizen asking the same question is told so, and the analysts' response stays.
        var refused = await api.GraphQL(ByCenter, where, citizen);
        Assert.NotNull(refused["errors"]);
        Assert.Equal(first.ToJsonString(), (await api.GraphQL(ByCenter, where, await api.Token("ANALYST", "analyst-shared-3"))).ToJsonString());
    }

    private static long Version(JsonNode response) =>
        response["data"]!["progress"]!["groups"]!.AsArray().Single()!["center"]!["version"]!.GetValue<long>();

    private async Task Mutate(string token, string mutation, object input)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL($"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ errors {{ ... on Error {{ code message }} }} }} }}", new { @in = input }, token);
        Assert.True(result["data"]![mutation]!["errors"] is null, result.ToJsonString());
    }
}
