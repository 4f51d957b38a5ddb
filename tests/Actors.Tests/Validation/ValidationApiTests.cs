using System.Text.Json.Nodes;
using Actors.Api.GraphQL;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Validation;

/// <summary>The tightened checks through GraphQL: BAD_USER_INPUT naming the field and the reason, and nothing submitted.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidationApiTests(ApiFactory api)
{
    private static JsonNode Parameters(JsonNode result) => result["errors"]![0]!["extensions"]!["parameters"]!;

    private async Task<int> CountOwn(string token) =>
        (await api.GraphQL("{ requests { totalCount } }", token: token))["data"]!["requests"]!["totalCount"]!.GetValue<int>();

    public static TheoryData<string, string, string, string> BadApplications => new()
    {
        { "Аmira", "amira@example.tn", "input.applicant.givenName", InputRefusals.MixedScripts },
        { "Aq\u0301\u0301\u0301\u0301mira", "amira@example.tn", "input.applicant.givenName", InputRefusals.TooManyCombiningMarks },
        { "Amira", "Amira <amira@example.tn>", "input.contact.email", InputRefusals.NotAnEmailAddress },
        { "Amira", "amira@example.tn\n", "input.contact.email", InputRefusals.TrailingNewline },
    };

    [Theory]
    [MemberData(nameof(BadApplications))]
    public async Task Loose_input_is_refused_naming_the_field_and_the_reason(string givenName, string email, string field, string reason)
    {
        var token = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        var input = new
        {
            @in = new
            {
                reason = "RENEWAL", centerId = GlobalIds.Center("TN11-GU1"), idempotencyKey = "v-" + Guid.NewGuid().ToString("N")[..8],
                applicant = new { givenName, familyName = "Ben Salah", birthDate = "1990-05-17", nationalIdNumber = "01234567" },
                contact = new { email, preferredLanguage = "fr" },
            },
        };
        var result = await api.GraphQL(RequestPathwayApiTests.SubmitCard, input, token);
        Assert.Equal("BAD_USER_INPUT", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(field, Parameters(result)["field"]!.GetValue<string>());
        Assert.Equal(reason, Parameters(result)["reason"]!.GetValue<string>());
        Assert.Equal(0, await CountOwn(token));
    }

    [Fact]
    public async Task A_birth_date_before_1900_is_out_of_range()
    {
        var token = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8]);
        var input = new
        {
            @in = new
            {
                reason = "RENEWAL", centerId = GlobalIds.Center("TN11-GU1"),
                applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1899-12-31", nationalIdNumber = "01234567" },
            },
        };
        var result = await api.GraphQL(RequestPathwayApiTests.SubmitCard, input, token);
        Assert.Equal("input.applicant.birthDate", Parameters(result)["field"]!.GetValue<string>());
        Assert.Equal(InputRefusals.DateOutOfRange, Parameters(result)["reason"]!.GetValue<string>());
        Assert.Equal(0, await CountOwn(token));
    }
}
