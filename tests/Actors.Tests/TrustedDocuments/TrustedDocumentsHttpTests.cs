using System.Text.Json.Nodes;

namespace Actors.Tests.TrustedDocuments;

/// <summary>GraphQL over HTTP on a host in PublicAndCitizens mode: who may send text, who must send a hash.</summary>
[Collection(TrustedDocumentsCollection.Name)]
public sealed class TrustedDocumentsHttpTests(TrustedDocumentsApiFactory api)
{
    private const string GovernoratesText = "{ governorates { code } }";

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    public async Task An_anonymous_ad_hoc_document_is_refused_with_400_PERSISTED_QUERY_REQUIRED(string accept)
    {
        var (status, body) = await api.PostAsync(new { query = GovernoratesText }, accept: accept);

        Assert.Equal(400, status);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", Code(body));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task A_citizen_s_ad_hoc_document_is_refused_too()
    {
        var citizen = await api.Token("CITIZEN", "trusted-citizen-adhoc");

        var (status, body) = await api.PostAsync(new { query = GovernoratesText }, citizen);

        Assert.Equal(400, status);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", Code(body));
    }

    [Theory]
    [InlineData("AGENT")]
    [InlineData("ANALYST")]
    [InlineData("OPERATOR")]
    public async Task Staff_keep_ad_hoc_documents(string role)
    {
        var token = await api.Token(role, "trusted-staff-" + role.ToLowerInvariant(), centerId: role == "AGENT" ? "TN11-GU1" : null);

        var (status, body) = await api.PostAsync(new { query = GovernoratesText }, token);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Contains(body["data"]!["governorates"]!.AsArray(), g => g!["code"]!.GetValue<string>() == "TUNIS");
    }

    [Fact]
    public async Task Staff_ad_hoc_documents_stay_within_the_staff_cost_budget()
    {
        var agent = await api.Token("AGENT", "trusted-staff-costly", centerId: "TN11-GU1");
        var costly = "{ " + string.Join(' ', Enumerable.Range(0, 40).Select(i =>
            $"c{i}: centers(first: 100) {{ nodes {{ services {{ service }} calendar {{ weeklyHours {{ sessions {{ opens }} }} }} }} }}")) + " }";

        var (_, body) = await api.PostAsync(new { query = costly }, agent);

        Assert.Equal("QUERY_TOO_COSTLY", Code(body));
        Assert.Equal("MaxStaffCost", body["errors"]![0]!["extensions"]!["bound"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_anonymous_caller_runs_a_registered_operation_by_documentId()
    {
        var hash = RegisteredOperations.HashOf("Governorates");

        var (prefixed, prefixedBody) = await api.PostAsync(new { documentId = "sha256:" + hash });
        var (bare, bareBody) = await api.PostAsync(new { documentId = hash });

        Assert.Equal(200, prefixed);
        Assert.Equal(200, bare);
        AssertGovernorates(prefixedBody);
        AssertGovernorates(bareBody);
    }

    [Fact]
    public async Task An_anonymous_caller_runs_a_registered_operation_by_Apollo_s_persistedQuery_extension()
    {
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = RegisteredOperations.HashOf("Governorates") } };

        var (status, body) = await api.PostAsync(new { extensions });

        Assert.Equal(200, status);
        AssertGovernorates(body);
    }

    [Fact]
    public async Task A_registered_query_runs_by_hash_over_GET_in_both_conventions()
    {
        var hash = RegisteredOperations.HashOf("Governorates");

        var (apolloStatus, apollo) = await api.GetAsync(new Dictionary<string, string>
        {
            ["extensions"] = $"{{\"persistedQuery\":{{\"version\":1,\"sha256Hash\":\"{hash}\"}}}}",
        });
        var (documentIdStatus, documentId) = await api.GetAsync(new Dictionary<string, string> { ["documentId"] = "sha256:" + hash });

        Assert.Equal(200, apolloStatus);
        Assert.Equal(200, documentIdStatus);
        AssertGovernorates(apollo);
        AssertGovernorates(documentId);
    }

    [Fact]
    public async Task A_registered_operation_takes_its_variables()
    {
        var (status, body) = await api.PostAsync(new
        {
            documentId = "sha256:" + RegisteredOperations.HashOf("Centers"),
            variables = new { first = 2, where = new { takesRequests = true } },
        });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal(2, body["data"]!["centers"]!["nodes"]!.AsArray().Count);
        Assert.True(body["data"]!["centers"]!["totalCount"]!.GetValue<int>() > 2);
    }

    [Fact]
    public async Task A_registered_operation_is_still_costed_with_its_variables()
    {
        var (_, body) = await api.PostAsync(new
        {
            documentId = "sha256:" + RegisteredOperations.HashOf("Centers"),
            variables = new { first = 1_000_000 },
        });

        Assert.Equal("QUERY_TOO_COSTLY", Code(body));
        Assert.Equal("MaxCost", body["errors"]![0]!["extensions"]!["bound"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_hash_is_refused_with_400_PERSISTED_QUERY_NOT_FOUND_for_every_caller()
    {
        var unknown = new string('a', 64);
        var agent = await api.Token("AGENT", "trusted-unknown-hash", centerId: "TN11-GU1");

        var (anonymousStatus, anonymous) = await api.PostAsync(new { documentId = "sha256:" + unknown });
        var (staffStatus, staff) = await api.PostAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = unknown } } }, agent);

        Assert.Equal(400, anonymousStatus);
        Assert.Equal(400, staffStatus);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(anonymous));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(staff));
    }

    [Fact]
    public async Task Text_sent_along_with_a_hash_must_be_the_registered_text()
    {
        var hash = RegisteredOperations.HashOf("Governorates");

        var (status, body) = await api.PostAsync(new
        {
            query = "{ governorates { code name } }",
            extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } },
        });

        Assert.Equal(400, status);
        Assert.Equal("BAD_REQUEST", Code(body));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task A_citizen_submits_by_hash_and_reads_the_request_by_hash()
    {
        var nationalIdNumber = "07" + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var citizen = await api.Token("CITIZEN", "trusted-citizen-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: nationalIdNumber);

        var (submitStatus, submitted) = await api.PostAsync(
            new { documentId = "sha256:" + RegisteredOperations.HashOf("SubmitIdCardRequest"), variables = new { input = TrustedDocumentsRequests.Renewal(nationalIdNumber) } },
            citizen);
        Assert.Equal(200, submitStatus);
        Assert.Null(submitted["errors"]);
        Assert.Null(submitted["data"]!["submitIdCardRequest"]!["errors"]);
        var id = submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();

        var (readStatus, read) = await api.PostAsync(
            new { documentId = "sha256:" + RegisteredOperations.HashOf("Request"), variables = new { id } }, citizen);

        Assert.Equal(200, readStatus);
        Assert.Null(read["errors"]);
        Assert.Equal("SUBMITTED", read["data"]!["request"]!["status"]!.GetValue<string>());
    }

    private static string? Code(JsonNode body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    private static void AssertGovernorates(JsonNode body)
    {
        Assert.Null(body["errors"]);
        var governorates = body["data"]!["governorates"]!.AsArray();
        Assert.Equal(24, governorates.Count);
        Assert.Contains(governorates, g => g!["code"]!.GetValue<string>() == "TUNIS" && g["nameAr"] is not null);
    }
}
