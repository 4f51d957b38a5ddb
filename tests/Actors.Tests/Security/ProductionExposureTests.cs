using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Security;

/// <summary>What a Production host reveals by default: no introspection, no field suggestions, no GraphiQL.</summary>
[Collection(ProductionApiCollection.Name)]
public sealed class ProductionExposureTests(ProductionApiFactory api)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Introspection_is_off_but_typename_answers()
    {
        var schema = await PostAsync("{ __schema { queryType { name } } }");
        Assert.Equal("INTROSPECTION_DISABLED", schema["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(schema["data"]);

        var type = await PostAsync("{ __type(name: \"Query\") { name } }");
        Assert.Equal("INTROSPECTION_DISABLED", type["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var typename = await PostAsync("{ __typename }");
        Assert.Null(typename["errors"]);
        Assert.Equal("Query", typename["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_hidden_in_a_fragment_is_off_too()
    {
        var hidden = await PostAsync("{ ...F } fragment F on Query { __schema { types { name } } }");

        Assert.Equal("INTROSPECTION_DISABLED", hidden["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validation_messages_do_not_suggest_the_schema_s_names()
    {
        var wrong = await PostAsync("{ governorate { code } }");

        var message = wrong["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("governorate", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
        Assert.DoesNotContain("governorates", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphiQL_is_not_served()
    {
        using var response = await api.Http.GetAsync("/graphiql/", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonNode> PostAsync(string query)
    {
        using var response = await api.Http.PostAsJsonAsync("/graphql", new { query }, Cancellation);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!;
    }
}
