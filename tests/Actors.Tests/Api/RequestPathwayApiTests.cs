using Actors.Tests.Infrastructure;

namespace Actors.Tests.Api;

/// <summary>Requests over real HTTP (Kestrel): refusals, lists and localisation; the pathways end to end are in <see cref="PathwayEndToEndTests"/>.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestPathwayApiTests(ApiFactory api)
{
    private const string Tunis = "TN11-GU1";      // demo one-stop shop, LIVE

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

    [Fact]
    public async Task An_invalid_step_is_a_typed_payload_error_and_changes_nothing()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
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
    public async Task Lists_are_scoped_paged_with_opaque_cursors_and_counted()
    {
        var subject = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var card = TestCards.Unique();
        var citizen = await api.Token("CITIZEN", subject, nationalIdNumber: card);
        for (var i = 0; i < 5; i++)
        {
            await api.GraphQL(SubmitCard, CardInput(Tunis, $"list-{i}", card: card), citizen);
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
