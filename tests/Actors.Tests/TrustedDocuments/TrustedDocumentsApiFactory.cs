using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Actors.Tests.TrustedDocuments;

/// <summary>
/// The real API host (embedded silo, demo centers, Kestrel on a free loopback port) with
/// <c>GraphQL:TrustedDocuments:Mode</c> = PublicAndCitizens, the Production default. It runs in Development so
/// that /dev/token gives the tests their citizens and staff; the mode, not the environment, is under test.
/// </summary>
public sealed class TrustedDocumentsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string documentKeyDirectory = Path.Combine(Path.GetTempPath(), "actors-trusted-keys-" + Guid.NewGuid().ToString("N")[..8]);
    private HttpClient? http;

    public HttpClient Http => http ?? throw new InvalidOperationException("Not started.");

    public Uri WebSocketAddress => new UriBuilder(Http.BaseAddress!) { Scheme = "ws", Path = "/graphql" }.Uri;

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        http = CreateClient();

        // Staff keep ad-hoc documents, so an analyst's query tells when the demo seeder has filled the directory.
        var analyst = await Token("ANALYST", "trusted-readiness");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var (_, body) = await PostAsync(new { query = "{ centers(first: 1) { totalCount } }" }, analyst);
            if (body["data"]?["centers"]?["totalCount"]?.GetValue<int>() > 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The demo centers did not appear within 90 s; last answer: " + body.ToJsonString());
            }

            await Task.Delay(200);
        }
    }

    public new async ValueTask DisposeAsync()
    {
        http?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(documentKeyDirectory))
        {
            Directory.Delete(documentKeyDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("GraphQL:TrustedDocuments:Mode", "PublicAndCitizens");
        builder.UseSetting("Pathway:Automatic", "false");
        builder.UseSetting("Documents:GeneratedKeyDirectory", documentKeyDirectory);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
    }

    public async Task<string> Token(string role, string subject, string? centerId = null, string? nationalIdNumber = null)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { role, subject, centerId, nationalIdNumber });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["token"]!.GetValue<string>();
    }

    /// <summary>POSTs <paramref name="body"/> as JSON exactly as given and returns the status and the parsed response.</summary>
    public async Task<(int Status, JsonNode Body)> PostAsync(object body, string? token = null, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token, accept);
    }

    /// <summary>GETs /graphql with the given URL parameters (each value URL-encoded here).</summary>
    public async Task<(int Status, JsonNode Body)> GetAsync(IReadOnlyDictionary<string, string> parameters, string? token = null)
    {
        var query = string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + query);
        return await SendAsync(request, token, "application/json");
    }

    private async Task<(int Status, JsonNode Body)> SendAsync(HttpRequestMessage request, string? token, string accept)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text) ?? throw new JsonException($"Empty response ({(int)response.StatusCode})."));
    }
}
