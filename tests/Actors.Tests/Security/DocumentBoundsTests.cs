using System.Text;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Security;

/// <summary>
/// Every bound on a GraphQL document, against the real API: the request is refused with the bound
/// named in extensions, and a normal query asked right after is still answered.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentBoundsTests(ApiFactory api)
{
    private const string Normal = "{ governorates { code } }";

    public static TheoryData<string, string, string> OversizedDocuments => new()
    {
        { "DOCUMENT_TOO_LARGE", "MaxQueryLength", "{ governorates { code } }" + new string(' ', 40_000) },
        { "DOCUMENT_TOO_LARGE", "MaxTokens", "{ " + string.Concat(Enumerable.Repeat("x ", 6_000)) + "}" },
        { "QUERY_TOO_COMPLEX", "MaxSyntaxDepth", "{ centers(where: " + string.Concat(Enumerable.Repeat("[", 400)) + new string(']', 400) + ") { totalCount } }" },
        { "QUERY_TOO_COMPLEX", "MaxDepth", "{ __schema { queryType { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 30)) + "{ name }" + new string('}', 30) + " } } } }" },
        { "QUERY_TOO_COMPLEX", "MaxSelections", "{ " + string.Concat(Enumerable.Range(0, 1_600).Select(i => "__typename ")) + "}" },
        { "QUERY_TOO_COMPLEX", "MaxAliases", "{ " + string.Concat(Enumerable.Range(0, 60).Select(i => $"a{i}: __typename ")) + "}" },
        { "QUERY_TOO_COMPLEX", "MaxDirectives", "{ " + string.Concat(Enumerable.Range(0, 60).Select(i => "__typename @include(if: true) ")) + "}" },
        { "QUERY_TOO_COMPLEX", "MaxFragments", "{ ...F0 } " + string.Concat(Enumerable.Range(0, 120).Select(i => $"fragment F{i} on Query {{ __typename }} ")) },
        { "QUERY_TOO_COMPLEX", "MaxVariables", "query(" + string.Join(", ", Enumerable.Range(0, 60).Select(i => $"$v{i}: Int")) + ") { __typename }" },
        { "QUERY_TOO_COMPLEX", "MaxSchemaIntrospections", "{ a: __schema { queryType { name } } b: __schema { queryType { name } } }" },
    };

    [Theory]
    [MemberData(nameof(OversizedDocuments))]
    public async Task A_document_over_a_bound_is_refused_with_the_bound_named(string code, string bound, string query)
    {
        var refused = await api.GraphQL(query);

        var error = refused["errors"]![0]!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(bound, error["extensions"]!["bound"]!.GetValue<string>());
        Assert.True(error["extensions"]!["limit"]!.GetValue<long>() >= 0);
        Assert.Contains(bound, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(refused["data"]);
        await AssertNormalQueryAnswered();
    }

    [Fact]
    public async Task Fragments_spread_twice_at_each_of_forty_levels_are_costed_once_each_and_refused()
    {
        // Expanded, this document selects 2^40 fields; costed per fragment, it is 41 small sums.
        var document = new StringBuilder("{ ...F0 }\n");
        for (var level = 0; level < 40; level++)
        {
            document.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{level} on Query {{ a: governorates {{ code }} ...F{level + 1} ...F{level + 1} }}\n");
        }

        document.Append("fragment F40 on Query { __typename }\n");

        var refused = await api.GraphQL(document.ToString());

        var error = refused["errors"]![0]!;
        Assert.Equal("QUERY_TOO_COSTLY", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("MaxCost", error["extensions"]!["bound"]!.GetValue<string>());
        Assert.True(error["extensions"]!["measured"]!.GetValue<long>() > 1L << 40);
        await AssertNormalQueryAnswered();
    }

    [Fact]
    public async Task Aliased_pages_of_nested_lists_cost_more_than_an_anonymous_budget_but_fit_a_staff_one()
    {
        // 45 aliases × (1 + 50 centers × (nodes 1 + code 1 + name 1 + services (1 + 10 × 2))) = 54 045: over 50 000, under 200 000.
        var query = "{ " + string.Concat(Enumerable.Range(0, 45).Select(i =>
            $"c{i}: centers(first: 50) {{ nodes {{ code name services {{ service category }} }} }} ")) + "}";

        var anonymous = await api.GraphQL(query);
        Assert.Equal("QUERY_TOO_COSTLY", anonymous["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("MaxCost", anonymous["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var analyst = await api.GraphQL(query, token: await api.Token("ANALYST", "analyst-bounds"));
        Assert.Null(analyst["errors"]);
        Assert.NotNull(analyst["data"]!["c44"]!["nodes"]);
    }

    [Fact]
    public async Task A_page_size_passed_in_a_variable_counts_as_written()
    {
        // 45 aliases × (1 + n × 24): 1 125 for n = 1, 54 045 for n = 50.
        var query = "query($n: Int) { " + string.Concat(Enumerable.Range(0, 45).Select(i =>
            $"c{i}: centers(first: $n) {{ nodes {{ code name services {{ service category }} }} }} ")) + "}";

        Assert.Null((await api.GraphQL(query, new { n = 1 }))["errors"]);
        Assert.Equal("QUERY_TOO_COSTLY", (await api.GraphQL(query, new { n = 50 }))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphiQL_introspection_fits_the_anonymous_budget_in_development()
    {
        var introspection = await api.GraphQL(IntrospectionQueries.Full);

        Assert.Null(introspection["errors"]);
        Assert.True(introspection["data"]!["__schema"]!["types"]!.AsArray().Count > 50);
    }

    [Fact]
    public async Task Field_suggestions_are_given_outside_production()
    {
        var wrong = await api.GraphQL("{ governorate { code } }");

        Assert.Contains("Did you mean", wrong["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task AssertNormalQueryAnswered()
    {
        var answer = await api.GraphQL(Normal);
        Assert.Null(answer["errors"]);
        Assert.Equal(24, answer["data"]!["governorates"]!.AsArray().Count);
    }
}
