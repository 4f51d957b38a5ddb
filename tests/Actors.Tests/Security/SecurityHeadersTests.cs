using System.Net;
using System.Net.Http.Json;

namespace Actors.Tests.Security;

/// <summary>The headers every page and /graphql carry, no Server header, and CORS for the configured origin only.</summary>
public sealed class SecurityHeadersTests(RateLimitHost host) : IClassFixture<RateLimitHost>
{
    [Theory]
    [InlineData("/graphql?query=%7B__typename%7D")]
    [InlineData("/graphiql/")]
    [InlineData("/verify/")]
    [InlineData("/dashboard/")]
    public async Task Pages_and_graphql_forbid_sniffing_referrers_and_framing(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", "192.0.2.10");
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", ScriptSources(policy), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    private static string ScriptSources(string policy)
    {
        var directives = policy.Split(';').Select(d => d.Trim()).ToList();
        return directives.FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal))
            ?? directives.Single(d => d.StartsWith("default-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_origin_is_allowed_and_any_other_is_not()
    {
        Assert.Equal("https://services.example.tn", await AllowedOrigin("https://services.example.tn"));
        Assert.Null(await AllowedOrigin("https://evil.example"));
    }

    private async Task<string?> AllowedOrigin(string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        preflight.Headers.Add("X-Forwarded-For", "192.0.2.11");
        using var answer = await host.Http.SendAsync(preflight, TestContext.Current.CancellationToken);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        post.Headers.Add("Origin", origin);
        post.Headers.Add("X-Forwarded-For", "192.0.2.12");
        using var actual = await host.Http.SendAsync(post, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, actual.StatusCode);

        var fromPreflight = answer.Headers.TryGetValues("Access-Control-Allow-Origin", out var p) ? p.Single() : null;
        var fromPost = actual.Headers.TryGetValues("Access-Control-Allow-Origin", out var a) ? a.Single() : null;
        Assert.Equal(fromPreflight, fromPost);
        return fromPost;
    }
}
