using Actors.Tests.Infrastructure;

namespace Actors.Tests.Api;

/// <summary>progress(where:, groupBy:): scoped by role, small groups withheld from analysts, fresh as of asOf.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProgressApiTests(ApiFactory api)
{
    private const string Query = """
        query($where: RequestWhereInput, $by: [ProgressDimension!]) { progress(where: $where, groupBy: $by) {
          total asOf suppressionThreshold groups { status center { code } count suppressed } } }
        """;

    [Fact]
    public async Task Progress_is_scoped_by_role_and_small_counts_are_withheld_from_analysts()
    {
        // A center of our own, so that the counts are ours alone: 6 submitted, 2 of them verifying.
        var operatorToken = await api.Token("OPERATOR", "op-progress");
        var code = "PRG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registered = await api.GraphQL(
            "mutation($in: RegisterServiceCenterInput!) { registerServiceCenter(input: $in) { center { id } errors { ... on Error { code } } } }",
            new { @in = new { code, nameAr = "مركز", nameFr = "Centre progrès", governorate = "KEBILI", district = "District", kind = "ONE_STOP_SHOP", services = new[] { "NATIONAL_ID_CARD" }, dailyCapacity = 10 } },
            operatorToken);
        var centerId = registered["data"]!["registerServiceCenter"]!["center"]!["id"]!.GetValue<string>();
        await api.GraphQL("mutation($in: ChangeCenterRolloutPhaseInput!) { changeCenterRolloutPhase(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { centerId, phase = "PILOT" } }, operatorToken);

        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var agent = await api.Token("AGENT", "agent-progress", code);
        for (var i = 0; i < 6; i++)
        {
            var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(code, $"p-{i}"), citizen);
            var id = submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
            if (i < 2)
            {
                await api.GraphQL("mutation($in: StartVerificationInput!) { startVerification(input: $in) { errors { ... on Error { code } } } }",
                    new { @in = new { requestId = id } }, agent);
            }
        }

        var where = new { centerIds = new[] { centerId } };
        var analyst = (await api.GraphQL(Query, new { where, by = new[] { "STATUS" } }, await api.Token("ANALYST", "analyst-1")))["data"]!["progress"]!;
        Assert.Equal(6, analyst["total"]!.GetValue<long>());
        Assert.Equal(5, analyst["suppressionThreshold"]!.GetValue<int>());
        var groups = analyst["groups"]!.AsArray();
        Assert.Equal(2, groups.Count);
        Assert.Contains(groups, g => g!["status"]!.GetValue<string>() == "VERIFYING" && g["suppressed"]!.GetValue<bool>() && g["count"] is null);
        Assert.Contains(groups, g => g!["status"]!.GetValue<string>() == "SUBMITTED" && g["suppressed"]!.GetValue<bool>());

        var mine = (await api.GraphQL(Query, new { by = new[] { "STATUS" } }, agent))["data"]!["progress"]!;
        Assert.Equal(0, mine["suppressionThreshold"]!.GetValue<int>());
        Assert.Equal(4, mine["groups"]!.AsArray().Single(g => g!["status"]!.GetValue<string>() == "SUBMITTED")!["count"]!.GetValue<long>());
        Assert.Equal(2, mine["groups"]!.AsArray().Single(g => g!["status"]!.GetValue<string>() == "VERIFYING")!["count"]!.GetValue<long>());

        var otherSupervisor = await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS");
        var elsewhere = (await api.GraphQL(Query, new { where }, otherSupervisor))["data"]!["progress"]!;
        Assert.Equal(0, elsewhere["total"]!.GetValue<long>());

        var forbidden = await api.GraphQL(Query, new { where }, citizen);
        Assert.Equal("FORBIDDEN", forbidden["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var tooMany = await api.GraphQL(Query, new { by = new[] { "STATUS", "KIND", "CENTER", "IS_PUPIL" } }, agent);
        Assert.Equal("BAD_USER_INPUT", tooMany["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
