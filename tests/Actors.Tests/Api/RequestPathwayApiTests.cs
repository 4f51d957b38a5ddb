using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Api;

/// <summary>The request pathways end to end over real HTTP, as a frontend team would drive them.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestPathwayApiTests(ApiFactory api)
{
    private const string Tunis = "TN11-GU1";      // demo one-stop shop, LIVE
    private const string TunisModel = "TN11-BM1"; // demo model office, PILOT: both categories

    private const string RequestFields = "id reference kind status version availableActions center { code } history { status actor reason action }";

    public static string SubmitCard => $$"""
        mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) {
          request { {{RequestFields}} applicant { givenName familyName } isPupil }
          errors { __typename ... on Error { code message } } } }
        """;

    public static object CardInput(string center, string key, string givenName = "Amira", string? card = "01234567", string reason = "RENEWAL") => new
    {
        @in = new
        {
            reason,
            centerId = GlobalIds.Center(center),
            idempotencyKey = key,
            applicant = new { givenName, familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = card },
        },
    };

    private async Task<JsonNode> Step(string mutation, string token, object input)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL(
            $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ {RequestFields} }} errors {{ ... on Error {{ code message }} }} }} }}",
            new { @in = input }, token);
        Assert.Null(result["errors"]);
        var payload = result["data"]![mutation]!;
        // A refused step is a payload error, not a GraphQL error: both must be absent for a step to count as taken.
        Assert.True(payload["errors"] is null, $"{mutation}: {payload["errors"]?.ToJsonString()}");
        Assert.NotNull(payload["request"]);
        return payload;
    }

    [Fact]
    public async Task A_citizen_submits_a_card_request_and_agents_carry_it_to_delivery()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        var agent = await api.Token("AGENT", "agent-tunis", Tunis);
        var submitted = (await api.GraphQL(SubmitCard, CardInput(Tunis, "card-1"), citizen))["data"]!["submitIdCardRequest"]!;
        Assert.Null(submitted["errors"]);
        var request = submitted["request"]!;
        var id = request["id"]!.GetValue<string>();
        Assert.Equal("SUBMITTED", request["status"]!.GetValue<string>());
        Assert.StartsWith("CIN-", request["reference"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["CANCEL_REQUEST"], request["availableActions"]!.AsArray().Select(a => a!.GetValue<string>()));

        var retried = (await api.GraphQL(SubmitCard, CardInput(Tunis, "card-1"), citizen))["data"]!["submitIdCardRequest"]!["request"]!;
        Assert.Equal(id, retried["id"]!.GetValue<string>());

        await Step("startVerification", agent, new { requestId = id });
        await Step("confirmVerification", agent, new { requestId = id });
        await Step("recordPayment", agent, new { requestId = id, paymentReference = "CASH-0001", amountMillimes = 3000 });
        await Step("bookAppointment", citizen, new { requestId = id, at = DateTimeOffset.UtcNow.AddDays(2).ToString("O") });
        await Step("recordBiometrics", agent, new { requestId = id });
        await Step("startProduction", agent, new { requestId = id });
        await Step("markReadyForDelivery", agent, new { requestId = id });
        var delivered = (await Step("confirmDelivery", agent, new { requestId = id, channel = "CENTER" }))["request"]!;
        Assert.Equal("DELIVERED", delivered["status"]!.GetValue<string>());
        Assert.Equal(9, delivered["history"]!.AsArray().Count);
        Assert.Equal("AGENT:agent-tunis", delivered["history"]![8]!["actor"]!.GetValue<string>());
        Assert.Empty(delivered["availableActions"]!.AsArray());

        var seen = await api.GraphQL("query($id: ID!) { request(id: $id) { status } node(id: $id) { id ... on CitizenRequest { reference } } }",
            new { id }, citizen);
        Assert.Equal("DELIVERED", seen["data"]!["request"]!["status"]!.GetValue<string>());
        Assert.Equal(id, seen["data"]!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_step_is_a_typed_payload_error_and_changes_nothing()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        var agent = await api.Token("AGENT", "agent-tunis", Tunis);
        var id = (await api.GraphQL(SubmitCard, CardInput(Tunis, "k"), citizen))["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
        var result = await api.GraphQL(
            "mutation($in: RecordBiometricsInput!) { recordBiometrics(input: $in) { request { id } errors { __typename ... on Error { code message } ... on InvalidTransitionError { parameters { key value } } } } }",
            new { @in = new { requestId = id } }, agent);
        var payload = result["data"]!["recordBiometrics"]!;
        Assert.Null(payload["request"]);
        Assert.Equal("InvalidTransitionError", payload["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("INVALID_TRANSITION", payload["errors"]![0]!["code"]!.GetValue<string>());
        var status = await api.GraphQL("query($id: ID!) { request(id: $id) { status version } }", new { id }, citizen);
        Assert.Equal("SUBMITTED", status["data"]!["request"]!["status"]!.GetValue<string>());
        Assert.Equal(1, status["data"]!["request"]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_bulletin_no_3_is_issued_digitally_and_checked_by_a_third_party()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        var agent = await api.Token("AGENT", "agent-model", TunisModel);
        var submitted = await api.GraphQL(
            $$"""mutation($in: SubmitCriminalRecordRequestInput!) { submitCriminalRecordRequest(input: $in) { request { {{RequestFields}} } errors { ... on Error { code } } } }""",
            new { @in = new { centerId = GlobalIds.Center(TunisModel), purpose = "Job application", applicant = new { givenName = "Youssef", familyName = "Haddad", birthDate = "1988-11-30", nationalIdNumber = "07654321" } } },
            citizen);
        var id = submitted["data"]!["submitCriminalRecordRequest"]!["request"]!["id"]!.GetValue<string>();
        foreach (var step in new[] { "startVerification", "confirmVerification" })
        {
            await Step(step, agent, new { requestId = id });
        }

        await Step("recordPayment", agent, new { requestId = id, paymentReference = "EPAY-77", amountMillimes = 3000 });
        await Step("startRecordCheck", agent, new { requestId = id });
        await Step("issueExtract", agent, new { requestId = id });

        var mine = await api.GraphQL("query($id: ID!) { request(id: $id) { status documentCode } }", new { id }, citizen);
        var code = mine["data"]!["request"]!["documentCode"]!.GetValue<string>();
        var agentView = await api.GraphQL("query($id: ID!) { request(id: $id) { documentCode } }", new { id }, agent);
        Assert.Null(agentView["data"]!["request"]!["documentCode"]);

        const string verify = "query($c: String!, $d: Date!) { verifyDocument(code: $c, holderBirthDate: $d) { valid reference holderName kind } }";
        var ok = await api.GraphQL(verify, new { c = code, d = "1988-11-30" });
        Assert.True(ok["data"]!["verifyDocument"]!["valid"]!.GetValue<bool>());
        Assert.Equal("Youssef Haddad", ok["data"]!["verifyDocument"]!["holderName"]!.GetValue<string>());
        var wrong = await api.GraphQL(verify, new { c = code, d = "1988-12-01" });
        Assert.Null(wrong["data"]!["verifyDocument"]);
    }

    [Fact]
    public async Task Lists_are_scoped_paged_with_opaque_cursors_and_counted()
    {
        var subject = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", subject);
        for (var i = 0; i < 5; i++)
        {
            await api.GraphQL(SubmitCard, CardInput(Tunis, $"list-{i}"), citizen);
        }

        const string page = "query($after: String) { requests(first: 2, after: $after, order: { field: SUBMITTED_AT, direction: ASC }) { totalCount edges { cursor node { reference } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var result = (await api.GraphQL(page, new { after }, citizen))["data"]!["requests"]!;
            Assert.Equal(5, result["totalCount"]!.GetValue<int>());
            seen.AddRange(result["edges"]!.AsArray().Select(e => e!["node"]!["reference"]!.GetValue<string>()));
            if (!result["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            Assert.Equal(after is not null, result["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            after = result["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(5, seen.Distinct().Count());

        // Another citizen sees none of them; an agent of the center sees them among the center's.
        var stranger = await api.Token("CITIZEN", "stranger-" + Guid.NewGuid().ToString("N")[..6]);
        var none = await api.GraphQL("{ requests { totalCount } }", token: stranger);
        Assert.Equal(0, none["data"]!["requests"]!["totalCount"]!.GetValue<int>());
        var analyst = await api.Token("ANALYST", "analyst-1");
        var forbidden = await api.GraphQL("{ requests { totalCount } }", token: analyst);
        Assert.Equal("FORBIDDEN", forbidden["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Names_are_localised_by_accept_language()
    {
        var fr = await api.GraphQL("query($id: ID!) { center(id: $id) { name nameAr nameFr governorate { name } } }", new { id = GlobalIds.Center(Tunis) });
        var ar = await api.GraphQL("query($id: ID!) { center(id: $id) { name governorate { name } } }", new { id = GlobalIds.Center(Tunis) }, language: "ar-TN,ar;q=0.9");
        Assert.Equal(fr["data"]!["center"]!["nameFr"]!.GetValue<string>(), fr["data"]!["center"]!["name"]!.GetValue<string>());
        Assert.Equal(fr["data"]!["center"]!["nameAr"]!.GetValue<string>(), ar["data"]!["center"]!["name"]!.GetValue<string>());
        Assert.Equal("تونس", ar["data"]!["center"]!["governorate"]!["name"]!.GetValue<string>());
    }
}
