using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Transport;

[Collection(TransportCollection.Name)]
public sealed class GraphQLHttpEndpointTests(TransportTestHost host)
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_answers_in_graphql_response_json_when_accepted()
    {
        using var response = await PostAsync(new { query = "{ hello }" }, GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("world", (await BodyAsync(response))["data"]?["hello"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("text/html, */*;q=0.8", Json)]
    public async Task Content_negotiation_follows_the_accept_header(string? accept, string expected)
    {
        using var response = await PostAsync(new { query = "{ hello }" }, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unacceptable_accept_header_is_406()
    {
        using var response = await PostAsync(new { query = "{ hello }" }, "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Get_runs_queries_with_url_encoded_variables()
    {
        using var client = host.CreateClient();
        var query = Uri.EscapeDataString("query Q($name: String!) { __type(name: $name) { name } hello }");
        var variables = Uri.EscapeDataString("""{"name":"Query"}""");

        using var response = await client.GetAsync($"/graphql?query={query}&variables={variables}", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("Query", body["data"]?["__type"]?["name"]?.GetValue<string>());
        Assert.Equal("world", body["data"]?["hello"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Get_refuses_mutations_with_405_without_running_them(string accept)
    {
        var log = host.Services.GetRequiredService<MutationLog>();
        var before = log.Count;
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { echo(text: \"x\") }"));
        request.Headers.Accept.ParseAdd(accept);

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(before, log.Count);
    }

    [Fact]
    public async Task Get_keeps_the_validation_rules_registered_with_AddGraphQL()
    {
        using var client = host.CreateClient();
        var tooDeep = Uri.EscapeDataString("{ nest { nest { nest { nest { nest { nest { nest { level } } } } } } } }");

        using var response = await client.GetAsync($"/graphql?query={tooDeep}", Cancellation);

        // Under application/json a validation failure is still 200; the complexity analyzer's error must be there.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await BodyAsync(response))["data"]);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Subscriptions_over_http_are_refused_with_a_pointer_to_websocket(string accept, HttpStatusCode expected)
    {
        using var response = await PostAsync(new { query = "subscription { ticks(count: 1) }" }, accept);

        Assert.Equal(expected, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Null(body["data"]);
        Assert.Equal("OPERATION_NOT_SUPPORTED", body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Post_runs_mutations()
    {
        using var response = await PostAsync(new { query = "mutation { echo(text: \"salam\") }" }, GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("salam", (await BodyAsync(response))["data"]?["echo"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("{", GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{", Json, HttpStatusCode.OK)]
    [InlineData("{ noSuchField }", GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{ noSuchField }", Json, HttpStatusCode.OK)]
    [InlineData("{ nest { nest { nest { nest { nest { nest { nest { level } } } } } } } }", GraphQLResponse, HttpStatusCode.BadRequest)]
    public async Task Documents_that_do_not_parse_or_validate_get_the_status_of_their_media_type(string query, string accept, HttpStatusCode expected)
    {
        using var response = await PostAsync(new { query }, accept);

        Assert.Equal(expected, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Null(body["data"]);
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task Variable_coercion_failure_is_400_under_graphql_response_json()
    {
        using var response = await PostAsync(new { query = "query Q($name: String!) { __type(name: $name) { name } }", variables = new { name = (string?)null } }, GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"notquery":"{ hello }"}""")]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":"{ hello }","variables":"string"}""")]
    [InlineData("""{"query":"{ hello }","operationName":false}""")]
    [InlineData("""{"query":"{ hello }","extensions":["array"]}""")]
    [InlineData("""{ "not a JSON""")]
    [InlineData("""[{"query":"{ hello }"}]""")]
    [InlineData("")]
    public async Task Malformed_requests_are_400(string body)
    {
        using var client = host.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, Json);

        using var response = await client.PostAsync("/graphql", content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (await BodyAsync(response))["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Other_media_types_are_415(string contentType)
    {
        using var client = host.CreateClient();
        using var content = new ByteArrayContent("""{"query":"{ hello }"}"""u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/graphql", content, Cancellation);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413()
    {
        var padding = new string(' ', 300 * 1024);
        using var client = host.CreateClient();
        using var content = new StringContent($$"""{"query":"{ hello }{{padding}}"}""", Encoding.UTF8, Json);

        using var response = await client.PostAsync("/graphql", content, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var client = host.CreateClient();

        using var response = await client.PutAsync("/graphql", JsonContent.Create(new { query = "{ hello }" }), Cancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Invalid_authorization_is_401_unauthenticated(string authorization)
    {
        using var response = await PostAsync(new { query = "{ hello }" }, GraphQLResponse, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, value => value.Scheme == "Bearer");
        var body = await BodyAsync(response);
        Assert.Null(body["data"]);
        Assert.Equal("UNAUTHENTICATED", body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Expired_token_is_401_and_says_so()
    {
        var expired = host.IssueExpiredToken("citizen-1");

        using var response = await PostAsync(new { query = "{ hello }" }, Json, "Bearer " + expired);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", (await BodyAsync(response))["errors"]?[0]?["message"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_token_reaches_the_resolvers()
    {
        using var response = await PostAsync(new { query = "{ whoami }" }, GraphQLResponse, "Bearer " + host.IssueToken("citizen-42"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("citizen-42", (await BodyAsync(response))["data"]?["whoami"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    public async Task No_token_is_anonymous(string? authorization)
    {
        using var response = await PostAsync(new { query = "{ whoami }" }, GraphQLResponse, authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await BodyAsync(response))["data"]!.AsObject();
        Assert.True(data.ContainsKey("whoami"));
        Assert.Null(data["whoami"]);
    }

    [Fact]
    public async Task Accept_language_reaches_the_user_context()
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ language }" }) };
        request.Headers.AcceptLanguage.ParseAdd("ar-TN, fr;q=0.8");

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal("ar", (await BodyAsync(response))["data"]?["language"]?.GetValue<string>());
    }

    private static async Task<JsonNode> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation)) ?? throw new InvalidOperationException("Empty body.");

    private async Task<HttpResponseMessage> PostAsync(object body, string? accept, string? authorization = null)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request, Cancellation);
    }
}
