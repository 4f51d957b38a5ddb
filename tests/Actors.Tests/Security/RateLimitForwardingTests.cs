using System.Net;
using System.Net.Http.Json;

namespace Actors.Tests.Security;

/// <summary>Without a trusted proxy, X-Forwarded-For is the client's own claim and changes no budget.</summary>
public sealed class RateLimitForwardingTests(RateLimitUntrustedHost host) : IClassFixture<RateLimitUntrustedHost>
{
    [Fact]
    public async Task Forwarded_addresses_from_an_untrusted_peer_share_the_peer_s_budget()
    {
        for (var i = 0; i < RateLimitHost.PerAddress; i++)
        {
            using var allowed = await Post("/graphql", "203.0.113." + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await Post("/graphql", "203.0.113.200");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    private Task<HttpResponseMessage> Post(string path, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
