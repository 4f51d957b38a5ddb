using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Audit;

/// <summary>The trail as the API feeds it and shows it, over real HTTP against the embedded host (a host of its own: the
/// completeness test runs every mutation of the schema).</summary>
public sealed class AuditApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Tunis = "TN11-GU1";

    private const string Trail = """
        query($where: AuditWhereInput, $first: Int, $after: String) {
          auditTrail(where: $where, first: $first, after: $after) {
            totalCount
            nodes { sequence at issuer subject role kind operation objectIds governorates clientAddressHash outcome previousHash hash }
            pageInfo { hasNextPage endCursor } } }
        """;

    private const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

    [Fact]
    public async Task Every_mutation_of_the_schema_leaves_an_entry_when_it_runs()
    {
        var subject = "auditor-" + Guid.NewGuid().ToString("N")[..8];
        var token = await api.Token("OPERATOR", subject);
        var introspection = "{ __schema { mutationType { fields { name args { name type { " + TypeRef + " } } } } "
            + "types { name kind enumValues { name } inputFields { name type { " + TypeRef + " } } } } }";
        var schema = Data(await api.GraphQL(introspection, token: token))["__schema"]!;
        var types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        var mutations = schema["mutationType"]!["fields"]!.AsArray().Select(f => f!).ToList();
        Assert.NotEmpty(mutations);

        foreach (var mutation in mutations)
        {
            var name = mutation["name"]!.GetValue<string>();
            var args = mutation["args"]!.AsArray().Select(a => a!).ToList();
            var declarations = string.Join(", ", args.Select(a => $"${a["name"]!.GetValue<string>()}: {TypeText(a["type"]!)}"));
            var passed = string.Join(", ", args.Select(a => $"{a["name"]!.GetValue<string>()}: ${a["name"]!.GetValue<string>()}"));
            var variables = new JsonObject();
            foreach (var arg in args)
            {
                variables[arg["name"]!.GetValue<string>()] = Sample(arg["type"]!, types);
            }

            var document = args.Count == 0 ? $"mutation {{ {name} {{ __typename }} }}" : $"mutation({declarations}) {{ {name}({passed}) {{ __typename }} }}";
            await api.GraphQL(document, variables, token);
        }

        var operator2 = await api.Token("OPERATOR", "audit-reader");
        var entries = await EntriesAsync(operator2, new { subject });
        var audited = entries.Where(e => e["kind"]!.GetValue<string>() == "MUTATION").Select(e => e["operation"]!.GetValue<string>()).ToHashSet();
        var missing = mutations.Select(m => m["name"]!.GetValue<string>()).Where(n => !audited.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Mutations without an audit entry: " + string.Join(", ", missing));
        Assert.All(entries, e =>
        {
            Assert.Equal("OPERATOR", e["role"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(e["outcome"]!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task A_submission_and_a_read_of_its_applicant_are_audited_with_the_request_id_and_seen_in_the_governorate_only()
    {
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        var submitted = Data(await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(Tunis, "audit-" + owner), citizen));
        var id = submitted["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
        Data(await api.GraphQL("query($id: ID!) { request(id: $id) { status applicant { givenName } contact { phone } } }", new { id }, citizen));
        Data(await api.GraphQL("query($id: ID!) { request(id: $id) { status } }", new { id }, citizen));

        var supervisor = await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS");
        var entries = await EntriesAsync(supervisor, new { objectId = id });
        Assert.Equal(2, entries.Count);
        var (read, submit) = (entries[0], entries[1]);
        Assert.Equal(("READ", "request", "OK", owner, "CITIZEN"), Describe(read));
        Assert.Equal(("MUTATION", "submitIdCardRequest", "OK", owner, "CITIZEN"), Describe(submit));
        Assert.All(entries, e =>
        {
            Assert.Contains(id, e["objectIds"]!.AsArray().Select(o => o!.GetValue<string>()));
            Assert.Equal(["TUNIS"], e["governorates"]!.AsArray().Select(g => g!.GetValue<string>()));
            var hash = e["clientAddressHash"]!.GetValue<string>();
            Assert.Matches("^[0-9a-f]{32}$", hash);
        });
        Assert.True(read["sequence"]!.GetValue<long>() > submit["sequence"]!.GetValue<long>());

        var elsewhere = await api.Token("SUPERVISOR", "sup-sfax", governorate: "SFAX");
        Assert.Empty(await EntriesAsync(elsewhere, new { objectId = id }));
        var operatorEntries = await EntriesAsync(await api.Token("OPERATOR", "op-1"), new { objectId = id, operation = "request" });
        Assert.Single(operatorEntries);

        foreach (var (role, who) in new[] { ("AGENT", "agent-1"), ("CITIZEN", owner), ("ANALYST", "analyst-1") })
        {
            var refused = await api.GraphQL(Trail, new { where = new { objectId = id }, first = 5 }, await api.Token(role, who, centerId: role == "AGENT" ? Tunis : null));
            Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_refused_pdf_download_is_audited_with_its_refusal_code()
    {
        var number = "AUD" + Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture) + "-ABCDE-FGHIJ";
        using var response = await api.Http.GetAsync(new Uri($"/documents/{number}.pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var entries = await EntriesAsync(await api.Token("OPERATOR", "op-pdf"), new { objectId = number });
        var entry = Assert.Single(entries);
        Assert.Equal(("READ", "GET /documents/{number}.pdf", "UNAUTHENTICATED", "", "ANONYMOUS"), Describe(entry));
    }

    [Fact]
    public async Task Supervisors_page_through_their_scope_with_cursors()
    {
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        for (var i = 0; i < 3; i++)
        {
            Data(await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(Tunis, $"page-{i}-{owner}"), citizen));
        }

        var supervisor = await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS");
        var first = Data(await api.GraphQL(Trail, new { where = new { subject = owner }, first = 2 }, supervisor))["auditTrail"]!;
        Assert.Equal(3, first["totalCount"]!.GetValue<int>());
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var next = Data(await api.GraphQL(Trail, new { where = new { subject = owner }, first = 2, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }, supervisor))["auditTrail"]!;
        var sequences = first["nodes"]!.AsArray().Concat(next["nodes"]!.AsArray()).Select(n => n!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(3, sequences.Distinct().Count());
        Assert.Equal(sequences.OrderDescending(), sequences);
    }

    private async Task<List<JsonNode>> EntriesAsync(string token, object where)
    {
        var entries = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = Data(await api.GraphQL(Trail, new { where, first = 50, after }, token))["auditTrail"]!;
            entries.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return entries;
    }

    private static (string Kind, string Operation, string Outcome, string Subject, string Role) Describe(JsonNode entry) =>
        (entry["kind"]!.GetValue<string>(), entry["operation"]!.GetValue<string>(), entry["outcome"]!.GetValue<string>(),
         entry["subject"]!.GetValue<string>(), entry["role"]!.GetValue<string>());

    private static JsonNode Data(JsonNode result)
    {
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!;
    }

    private static string TypeText(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => TypeText(type["ofType"]!) + "!",
        "LIST" => "[" + TypeText(type["ofType"]!) + "]",
        _ => type["name"]!.GetValue<string>(),
    };

    /// <summary>A value of the type that passes coercion (required input fields only), so that the mutation's resolver runs.</summary>
    private static JsonNode? Sample(JsonNode type, IReadOnlyDictionary<string, JsonNode> types)
    {
        switch (type["kind"]!.GetValue<string>())
        {
            case "NON_NULL":
                return Sample(type["ofType"]!, types);
            case "LIST":
                return new JsonArray(Sample(type["ofType"]!, types));
            case "ENUM":
                return types[type["name"]!.GetValue<string>()]["enumValues"]![0]!["name"]!.GetValue<string>();
            case "INPUT_OBJECT":
                var input = new JsonObject();
                foreach (var field in types[type["name"]!.GetValue<string>()]["inputFields"]!.AsArray())
                {
                    if (field!["type"]!["kind"]!.GetValue<string>() == "NON_NULL")
                    {
                        input[field["name"]!.GetValue<string>()] = Sample(field["type"]!, types);
                    }
                }

                return input;
            default:
                return type["name"]!.GetValue<string>() switch
                {
                    "ID" => Convert.ToBase64String(Encoding.UTF8.GetBytes("CitizenRequest:" + Guid.NewGuid().ToString("N"))).TrimEnd('='),
                    "Int" or "Long" => 1,
                    "Float" or "Decimal" => 1.5,
                    "Boolean" => true,
                    "Date" => "2026-06-01",
                    "DateTime" => "2026-06-01T09:00:00Z",
                    _ => "audit",
                };
        }
    }
}
