using System.Net;
using System.Net.Http.Headers;

namespace Actors.Tests.Transport;

[Collection(TransportCollection.Name)]
public sealed class GraphiQLEndpointTests(TransportTestHost host)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static bool AssetsBuilt => File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "graphiql", "vendor", "graphiql.min.js"));

    [Fact]
    public async Task Graphiql_redirects_to_its_folder_so_that_relative_urls_resolve()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync("/graphiql", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphiql/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Page_is_served_in_utf8_without_any_cdn()
    {
        ConformancePrerequisites.Require(!AssetsBuilt, "GraphiQL assets are not built (no node on this machine).");
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/graphiql", Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("vendor/graphiql.min.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphiql/vendor/graphiql.min.js", "text/javascript")]
    [InlineData("/graphiql/vendor/graphiql.min.css", "text/css")]
    [InlineData("/graphiql/vendor/react.production.min.js", "text/javascript")]
    [InlineData("/graphiql/vendor/react-dom.production.min.js", "text/javascript")]
    [InlineData("/graphiql/graphiql-page.js", "text/javascript")]
    public async Task Assets_are_served_with_a_charset_and_revalidated(string path, string mediaType)
    {
        ConformancePrerequisites.Require(!AssetsBuilt && path.Contains("vendor", StringComparison.Ordinal), "GraphiQL assets are not built.");
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.NotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        using var notModified = await client.SendAsync(again, Cancellation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("/graphiql/vendor/.stamp")]
    [InlineData("/graphiql/no-such-file.js")]
    public async Task Dot_files_and_unknown_files_are_404(string path)
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_assets_the_page_says_how_to_build_them()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.GetAsync("/graphiql-empty/", Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("cd api/graphiql &amp;&amp; npm ci &amp;&amp; npm run build", html, StringComparison.Ordinal);
    }
}
