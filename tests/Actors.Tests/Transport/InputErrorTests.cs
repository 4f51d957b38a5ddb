using System.Text.Json.Nodes;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Transport;

/// <summary>
/// Input errors raised by the GraphQL layer itself (before any resolver runs) carry the same
/// extensions as our own BAD_USER_INPUT errors: code, the input path as <c>field</c>, the allowed
/// values of an enum, the format of a date. Over HTTP on the test server (the real API host).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InputErrorTests(ApiFactory api)
{
    private const string Reasons = "FIRST_ISSUE, RENEWAL, LOSS_OR_THEFT, DATA_CHANGE";

    private static JsonObject Applicant(string birthDate = "1995-02-03") =>
        new() { ["givenName"] = "Amira", ["familyName"] = "Ben Salah", ["birthDate"] = birthDate, ["nationalIdNumber"] = "01234567" };

    private static JsonObject Input(JsonObject? applicant = null, string reason = "RENEWAL") => new()
    {
        ["reason"] = reason,
        ["centerId"] = GlobalIds.Center("TN11-GU1"),
        ["idempotencyKey"] = "input-errors",
        ["applicant"] = applicant ?? Applicant(),
    };

    private async Task<JsonNode> Submit(JsonObject input) =>
        await api.GraphQL(RequestPathwayApiTests.SubmitCard, new { @in = input }, await api.Token("CITIZEN", "input-errors", nationalIdNumber: "01234567"));

    private static JsonNode Single(JsonNode result)
    {
        var errors = result["errors"]!.AsArray();
        Assert.Single(errors);
        Assert.Null(result["data"]);
        Assert.Equal("BAD_USER_INPUT", errors[0]!["extensions"]!["code"]!.GetValue<string>());
        return errors[0]!;
    }

    private static string? Parameter(JsonNode error, string key) => error["extensions"]!["parameters"]![key]?.GetValue<string>();

    [Fact]
    public async Task A_wrong_enum_value_in_a_variable_names_the_field_and_the_allowed_values()
    {
        var error = Single(await Submit(Input(reason: "RENEW")));
        Assert.Equal("input.reason", Parameter(error, "field"));
        Assert.Equal(Reasons, Parameter(error, "allowedValues"));
        Assert.Equal($"reason must be one of {Reasons}.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_enum_value_in_the_document_names_the_field_and_the_allowed_values()
    {
        var error = Single(await api.GraphQL("{ centers(where: { governorates: [ATLANTIS] }) { totalCount } }"));
        Assert.Equal("where.governorates[0]", Parameter(error, "field"));
        Assert.StartsWith("TUNIS, ARIANA, ", Parameter(error, "allowedValues"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1995-13-03")]
    [InlineData("03/02/1995")]
    [InlineData("1995-02-03T00:00:00Z")]
    public async Task A_malformed_date_names_the_field_and_the_expected_format(string birthDate)
    {
        var error = Single(await Submit(Input(Applicant(birthDate))));
        Assert.Equal("input.applicant.birthDate", Parameter(error, "field"));
        Assert.Equal("yyyy-MM-dd", Parameter(error, "expectedFormat"));
    }

    [Fact]
    public async Task A_malformed_date_time_names_the_field_and_the_expected_format()
    {
        var token = await api.Token("CITIZEN", "input-errors", nationalIdNumber: "01234567");
        var error = Single(await api.GraphQL("{ requests(where: { submittedFrom: \"yesterday\" }) { totalCount } }", token: token));
        Assert.Equal("where.submittedFrom", Parameter(error, "field"));
        Assert.Equal("yyyy-MM-ddTHH:mm:ss±hh:mm", Parameter(error, "expectedFormat"));
    }

    [Fact]
    public async Task An_unknown_input_field_is_named_with_the_fields_that_exist()
    {
        var input = Input();
        input["applicant"]!["middleName"] = "X";
        var error = Single(await Submit(input));
        Assert.Equal("input.applicant.middleName", Parameter(error, "field"));
        Assert.Contains("givenName", Parameter(error, "allowedFields"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_field_is_named()
    {
        var applicant = Applicant();
        applicant.Remove("familyName");
        var error = Single(await Submit(Input(applicant)));
        Assert.Equal("input.applicant.familyName", Parameter(error, "field"));
        Assert.Equal("familyName is required.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_scalar_is_named_with_the_expected_type()
    {
        var applicant = Applicant();
        applicant["givenName"] = 5;
        var error = Single(await Submit(Input(applicant)));
        Assert.Equal("input.applicant.givenName", Parameter(error, "field"));
        Assert.Equal("String", Parameter(error, "expectedType"));
    }

    [Fact]
    public async Task Each_wrong_literal_of_a_document_is_its_own_error()
    {
        var token = await api.Token("CITIZEN", "input-errors", nationalIdNumber: "01234567");
        var result = await api.GraphQL(
            """
            mutation { submitIdCardRequest(input: { reason: RENEW, centerId: "x", applicant: {
              givenName: "Amira", birthDate: "1995-13-03" } }) { request { id } } }
            """,
            token: token);
        var fields = result["errors"]!.AsArray().Select(e => Parameter(e!, "field")).ToArray();
        Assert.Equal(["input.reason", "input.applicant.birthDate", "input.applicant.familyName"], fields);
        Assert.All(result["errors"]!.AsArray(), e => Assert.Equal("BAD_USER_INPUT", e!["extensions"]!["code"]!.GetValue<string>()));
    }
}
