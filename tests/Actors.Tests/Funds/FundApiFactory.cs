using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Actors.Tests.Funds;

/// <summary>
/// The real API host (embedded silo, demo data, Development so that /dev/token exists) served by
/// Kestrel on a free loopback port: the fund's GraphQL tests go over real HTTP. Its silo gets free
/// ports and a cluster id of its own, so it runs beside other factories.
/// </summary>
public sealed class FundApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<(string, string), string> _tokens = new();
    private HttpClient? _http;

    public HttpClient Http => _http ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        _http = CreateClient();
        Assert.StartsWith("http://", _http.BaseAddress?.ToString(), StringComparison.Ordinal);

        // Demo data is seeded while the host starts; wait (bounded) until the demo allocations are there.
        var token = await Token("ANALYST", "analyst-wait");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var result = await GraphQL("{ fund(year: 2026) { allocationCount } municipalities(first: 1) { totalCount } }", token: token);
            if (result["data"]?["fund"]?["allocationCount"]?.GetValue<int>() >= 10 && result["data"]?["municipalities"]?["totalCount"]?.GetValue<int>() >= 150)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo fund data never appeared.");
    }

    public new async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in TestDocumentKey.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", "funds-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public async Task<string> Token(string role, string subject)
    {
        if (_tokens.TryGetValue((role, subject), out var known))
        {
            return known;
        }

        using var response = await Http.PostAsJsonAsync("/dev/token", new { role, subject });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        return _tokens[(role, subject)] = token;
    }

    /// <summary>POSTs a GraphQL operation over HTTP and returns the whole response body.</summary>
    public async Task<JsonNode> GraphQL(string query, object? variables = null, string? token = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException($"Empty response ({(int)response.StatusCode}).");
    }
}
