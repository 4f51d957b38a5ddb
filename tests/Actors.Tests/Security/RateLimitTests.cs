using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Actors.Tests.Security;

/// <summary>
/// The rate limits on the public endpoints, with lowered limits: the refusal (429, Retry-After, RATE_LIMITED), the
/// address and identity budgets apart, the expensive budget, and other clients still answered meanwhile.
/// </summary>
public sealed class RateLimitTests(RateLimitHost host) : IClassFixture<RateLimitHost>
{
    private const string Normal = "{ __typename }";

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "POST", "/graphql", "198.51.100.1" },
        { "POST", "/dev/token", "198.51.100.2" },
        { "POST", "/payments/webhook", "198.51.100.3" },
        { "GET", "/exports/progress.csv", "198.51.100.4" },
        { "GET", "/documents/BN3-0000-0000.pdf", "198.51.100.5" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_limited_endpoint_answers_429_with_Retry_After_once_the_address_budget_is_spent(string method, string path, string address)
    {
        var budget = path.StartsWith("/exports", StringComparison.Ordinal) ? RateLimitHost.Expensive : RateLimitHost.PerAddress;
        for (var i = 0; i < budget; i++)
        {
            using var allowed = await Send(method, path, address);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await Send(method, path, address);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        if (path == "/graphql")
        {
            Assert.StartsWith("application/graphql-response+json", refused.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.Equal("RATE_LIMITED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal(retryAfter, body["errors"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>());
        }
        else
        {
            Assert.Equal("RATE_LIMITED", body["code"]!.GetValue<string>());
        }

        using var other = await Send(method, path, address + "0");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task The_WebSocket_upgrade_draws_on_the_graphql_budget()
    {
        const string address = "198.51.100.20";
        for (var i = 0; i < RateLimitHost.PerAddress; i++)
        {
            using var spent = await Send("POST", "/graphql", address);
            Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        }

        using var upgrade = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        upgrade.Headers.Add("X-Forwarded-For", address);
        upgrade.Headers.Connection.Add("Upgrade");
        upgrade.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        upgrade.Headers.Add("Sec-WebSocket-Version", "13");
        upgrade.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        upgrade.Headers.Add("Sec-WebSocket-Protocol", "graphql-transport-ws");
        using var refused = await host.Http.SendAsync(upgrade, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task An_identity_is_limited_across_addresses_and_its_address_keeps_serving_others()
    {
        var token = host.Token("ratelimit-identity-1");
        for (var i = 0; i < RateLimitHost.PerIdentity; i++)
        {
            using var allowed = await Send("POST", "/graphql", "198.51.100.30", token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await Send("POST", "/graphql", "198.51.100.30", token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var elsewhere = await Send("POST", "/graphql", "198.51.100.31", token);
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);

        using var someoneElse = await Send("POST", "/graphql", "198.51.100.30", host.Token("ratelimit-identity-2"));
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    [Fact]
    public async Task Expensive_operations_have_a_smaller_budget_and_cheap_ones_go_on()
    {
        const string address = "198.51.100.40";
        const string report = "{ progress { total } }";
        for (var i = 0; i < RateLimitHost.Expensive; i++)
        {
            using var allowed = await Send("POST", "/graphql", address, query: report);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await Send("POST", "/graphql", address, query: report);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("RATE_LIMITED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.True(body["errors"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>() >= 1);

        using var cheap = await Send("POST", "/graphql", address);
        Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(string method, string path, string address, string? token = null, string query = Normal)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Forwarded-For", address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method == "POST")
        {
            request.Content = path == "/dev/token"
                ? JsonContent.Create(new { role = "CITIZEN", subject = "ratelimit" })
                : JsonContent.Create(new { query });
        }

        using (request)
        {
            return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }
}
