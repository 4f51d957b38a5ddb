using System.Text.Json.Nodes;
using Actors.Contracts.Errors;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Api;

/// <summary>Rules the grain owns reach GraphQL clients as typed payload errors, worded in the schema's words.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestRulesApiTests(ApiFactory api)
{
    private static JsonNode PayloadError(JsonNode result, string mutation)
    {
        Assert.Null(result["errors"]);
        Assert.Null(result["data"]![mutation]!["request"]);
        return result["data"]![mutation]!["errors"]![0]!;
    }

    [Fact]
    public async Task An_education_officer_without_a_pupil_is_refused_by_the_grain()
    {
        var officer = await api.Token("EDUCATION_OFFICER", "edu-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "edu-adult"), officer);
        var error = PayloadError(result, "submitIdCardRequest");
        Assert.Equal("NOT_ALLOWED", error["code"]!.GetValue<string>());
        Assert.Equal("NotAllowedError", error["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reason_over_the_limit_is_a_payload_error_and_changes_nothing()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var id = (await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "long-reason"), citizen))
            ["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
        var result = await api.GraphQL(
            "mutation($in: CancelRequestInput!) { cancelRequest(input: $in) { request { id } errors { __typename ... on Error { code message } ... on ValidationFailedError { parameters { key value } } } } }",
            new { @in = new { requestId = id, reason = new string('x', DomainLimits.MaxReasonLength + 1) } }, citizen);
        var error = PayloadError(result, "cancelRequest");
        Assert.Equal("VALIDATION_FAILED", error["code"]!.GetValue<string>());
        Assert.Contains(error["parameters"]!.AsArray(), p => p!["key"]!.GetValue<string>() == "field" && p["value"]!.GetValue<string>() == "reason");
        var status = await api.GraphQL("query($id: ID!) { request(id: $id) { status } }", new { id }, citizen);
        Assert.Equal("SUBMITTED", status["data"]!["request"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_step_is_worded_with_the_schemas_enum_values()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var agent = await api.Token("AGENT", "agent-tunis", "TN11-GU1");
        var id = (await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "words"), citizen))
            ["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
        var result = await api.GraphQL(
            "mutation($in: RecordBiometricsInput!) { recordBiometrics(input: $in) { errors { ... on Error { code message } } } }",
            new { @in = new { requestId = id } }, agent);
        var error = PayloadError(result, "recordBiometrics");
        Assert.Equal("RECORD_BIOMETRICS is not possible for a NATIONAL_ID_CARD request in status SUBMITTED.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Not_found_is_worded_the_same_way_everywhere()
    {
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var missing = GlobalIds.Of("CitizenRequest", Guid.NewGuid().ToString("N"));
        var messages = new List<string>();
        foreach (var (query, variables) in new (string, object)[]
        {
            ("query($id: ID!) { request(id: $id) { id } }", new { id = missing }),
            ("query($id: ID!) { node(id: $id) { id } }", new { id = missing }),
            ("mutation($in: CancelRequestInput!) { cancelRequest(input: $in) { request { id } } }", new { @in = new { requestId = missing, reason = "r" } }),
            ("query($id: ID!) { center(id: $id) { code } }", new { id = GlobalIds.Center("NO-SUCH-CENTER") }),
        })
        {
            var result = await api.GraphQL(query, variables, citizen);
            Assert.Equal("NOT_FOUND", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            messages.Add(result["errors"]![0]!["message"]!.GetValue<string>());
        }

        Assert.All(messages, m => Assert.Equal(DomainError.NotFoundMessage, m));
    }
}
