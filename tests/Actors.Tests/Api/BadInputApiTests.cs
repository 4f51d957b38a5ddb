using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Api;

/// <summary>The list of bad inputs: each gets a clear, typed error and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputApiTests(ApiFactory api)
{
    private static string Code(JsonNode result) => result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private static string PayloadCode(JsonNode result, string mutation) =>
        result["data"]![mutation]!["errors"]![0]!["code"]!.GetValue<string>();

    /// <summary>A new citizen with a card number of their own, so that their count of own requests is theirs alone.</summary>
    private async Task<(string Token, string Subject, string Card)> Citizen()
    {
        var subject = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var card = TestCards.Unique();
        return (await api.Token("CITIZEN", subject, nationalIdNumber: card), subject, card);
    }

    private async Task<int> CountOwn(string token) =>
        (await api.GraphQL("{ requests { totalCount } }", token: token))["data"]!["requests"]!["totalCount"]!.GetValue<int>();

    public static TheoryData<string, string?, string> BadApplicants => new()
    {
        { "", "01234567", "input.applicant.givenName" },
        { new string('a', 81), "01234567", "input.applicant.givenName" },
        { "Amira3", "01234567", "input.applicant.givenName" },
        { "Amira", "1234567", "input.applicant.nationalIdNumber" },
        { "Amira", "123456789", "input.applicant.nationalIdNumber" },
        { "Amira", "1234567a", "input.applicant.nationalIdNumber" },
        { "Amira", null, "input.applicant.nationalIdNumber" },
    };

    [Theory]
    [MemberData(nameof(BadApplicants))]
    public async Task Malformed_applicants_are_bad_user_input_naming_the_field(string givenName, string? card, string field)
    {
        var (token, _, _) = await Citizen();
        var result = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "bad", givenName, card), token);
        Assert.Equal("BAD_USER_INPUT", Code(result));
        Assert.Equal(field, result["errors"]![0]!["extensions"]!["parameters"]!["field"]!.GetValue<string>());
        Assert.Equal(0, await CountOwn(token));
    }

    public static TheoryData<string, string> WrongCenterIds => new()
    {
        { "TN11-GU1", "Malformed id." },
        { GlobalIds.Of("CitizenRequest", Guid.NewGuid().ToString("N")), "Expected the id of a ServiceCenter, got one of a CitizenRequest." },
    };

    [Theory]
    [MemberData(nameof(WrongCenterIds))]
    public async Task A_center_id_that_is_not_one_names_input_centerId(string centerId, string message)
    {
        var (token, _, card) = await Citizen();
        var input = new
        {
            @in = new
            {
                reason = "RENEWAL", centerId,
                applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = card },
            },
        };
        var result = await api.GraphQL(RequestPathwayApiTests.SubmitCard, input, token);
        Assert.Equal("BAD_USER_INPUT", Code(result));
        Assert.Equal(message, result["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("input.centerId", result["errors"]![0]!["extensions"]!["parameters"]!["field"]!.GetValue<string>());
        Assert.Equal(0, await CountOwn(token));
    }

    [Fact]
    public async Task A_malformed_request_id_in_a_step_names_input_requestId()
    {
        var agent = await api.Token("AGENT", "agent-tunis", "TN11-GU1");
        var result = await api.GraphQL(
            "mutation($in: StartVerificationInput!) { startVerification(input: $in) { request { id } } }",
            new { @in = new { requestId = "CIN-2026-ABCDE-FGHIJ" } }, agent);
        Assert.Equal("BAD_USER_INPUT", Code(result));
        Assert.Equal("input.requestId", result["errors"]![0]!["extensions"]!["parameters"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_birth_date_in_the_future_is_refused()
    {
        var (token, _, _) = await Citizen();
        var input = new
        {
            @in = new
            {
                reason = "RENEWAL", centerId = GlobalIds.Center("TN11-GU1"),
                applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"), nationalIdNumber = "01234567" },
            },
        };
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL(RequestPathwayApiTests.SubmitCard, input, token)));
        Assert.Equal(0, await CountOwn(token));
    }

    [Fact]
    public async Task Unknown_centers_and_centers_without_the_service_are_typed_payload_errors()
    {
        var (token, _, card) = await Citizen();
        var unknown = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("NO-SUCH-CENTER", "u", card: card), token);
        Assert.Equal("CENTER_NOT_FOUND", PayloadCode(unknown, "submitIdCardRequest"));
        var judicial = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-BJ1", "j", card: card), token);
        Assert.Equal("CENTER_DOES_NOT_OFFER_SERVICE", PayloadCode(judicial, "submitIdCardRequest"));
        var planned = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN83-GU1", "p", card: card), token);
        Assert.Equal("CENTER_NOT_TAKING_REQUESTS", PayloadCode(planned, "submitIdCardRequest"));
        Assert.Equal(0, await CountOwn(token));
    }

    [Fact]
    public async Task A_minor_without_guardian_consent_is_refused()
    {
        var (token, _, _) = await Citizen();
        var input = new
        {
            @in = new
            {
                reason = "FIRST_ISSUE", centerId = GlobalIds.Center("TN11-GU1"),
                applicant = new { givenName = "Sami", familyName = "Jlassi", birthDate = DateTime.UtcNow.AddYears(-16).ToString("yyyy-MM-dd") },
                pupil = new { schoolCode = "LYC-0042" },
            },
        };
        Assert.Equal("GUARDIAN_CONSENT_REQUIRED", PayloadCode(await api.GraphQL(RequestPathwayApiTests.SubmitCard, input, token), "submitIdCardRequest"));
    }

    [Fact]
    public async Task Unknown_governorates_malformed_ids_foreign_cursors_and_huge_pages_are_bad_user_input()
    {
        var (token, _, _) = await Citizen();
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("{ centers(where: { governorates: [ATLANTIS] }) { totalCount } }")));
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("{ center(id: \"not-an-id\") { code } }")));
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("query($id: ID!) { request(id: $id) { id } }", new { id = GlobalIds.Center("TN11-GU1") }, token)));
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("{ centers(first: 10000) { totalCount } }")));
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("{ centers(first: -1) { totalCount } }")));
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("{ centers(first: 1, last: 1) { totalCount } }")));

        var cursor = (await api.GraphQL("{ centers(first: 1) { pageInfo { endCursor } } }"))["data"]!["centers"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("query($c: String) { requests(after: $c) { totalCount } }", new { c = cursor }, token)));
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("query($c: String) { centers(after: $c, order: { field: NAME }) { totalCount } }", new { c = cursor })));
        Assert.Equal("BAD_USER_INPUT", Code(await api.GraphQL("query($c: String) { centers(after: $c) { totalCount } }", new { c = "garbage!!" })));
    }

    [Fact]
    public async Task A_query_nested_fifty_deep_is_refused_but_introspection_works()
    {
        var deep = "{ __schema { queryType { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 50)) + "{ name }" + new string('}', 50) + " } } } }";
        Assert.Equal("QUERY_TOO_COMPLEX", Code(await api.GraphQL(deep)));
        var introspection = await api.GraphQL("{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } } }");
        Assert.Null(introspection["errors"]);
    }

    [Fact]
    public async Task Anonymous_callers_are_unauthenticated_and_not_found_looks_like_not_yours()
    {
        Assert.Equal("UNAUTHENTICATED", Code(await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "anon"))));
        var (token, _, _) = await Citizen();
        var missing = await api.GraphQL("query($id: ID!) { request(id: $id) { id } }", new { id = GlobalIds.Of("CitizenRequest", Guid.NewGuid().ToString("N")) }, token);
        Assert.Equal("NOT_FOUND", Code(missing));
        Assert.Null(missing["data"]!["request"]);
    }

    [Fact]
    public async Task Arabic_and_latin_names_both_work_and_are_normalised()
    {
        var (token, _, card) = await Citizen();
        var decomposed = "Ame\u0301lie"; // e + combining acute
        var latin = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "latin", decomposed, card), token);
        Assert.Equal("Am\u00e9lie", latin["data"]!["submitIdCardRequest"]!["request"]!["applicant"]!["givenName"]!.GetValue<string>());
        var arabic = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "arabic", "  عبد   الرحمن ", card), token);
        Assert.Equal("عبد الرحمن", arabic["data"]!["submitIdCardRequest"]!["request"]!["applicant"]!["givenName"]!.GetValue<string>());
    }
}
