using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// The real API host (embedded silo, demo centers, Development so that /dev/token exists) served by
/// Kestrel on a free loopback port: the API tests go over real HTTP and WebSocket. Its silo gets free
/// ports so that several factories can run side by side. The automatic pathway is off unless a subclass
/// turns it on (<see cref="Settings"/>): these tests take every step by hand, as an agent does when an
/// outside system is down.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly int siloPort = FreePort.Next();
    private readonly int gatewayPort = FreePort.Next();
    private HttpClient? _http;

    public HttpClient Http => _http ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => Http.BaseAddress ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where this host keeps the document key (and, under token-keys, the token key) it generates (embedded, Development): a temporary directory, not the user's home.</summary>
    public string DocumentKeyDirectory { get; } = Path.Combine(Path.GetTempPath(), "actors-document-keys-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The grain calls this host has made, for tests that count them.</summary>
    public GrainCallLog GrainCalls { get; } = new();

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        _http = CreateClient();
        Assert.StartsWith("http://", _http.BaseAddress?.ToString(), StringComparison.Ordinal);

        // The demo seeder runs before the host reports started; wait (bounded, failing loudly) until the directory answers.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var result = await GraphQL("{ centers(first: 1) { totalCount } }");
            if (result["data"]?["centers"]?["totalCount"]?.GetValue<int>() > 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The demo centers did not appear within 60 s; last answer: " + result.ToJsonString());
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Configuration this host runs with, on top of the app's own.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "false",
    };

    public new async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(DocumentKeyDirectory))
        {
            Directory.Delete(DocumentKeyDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Documents:GeneratedKeyDirectory", DocumentKeyDirectory);
        builder.UseSetting("Auth:GeneratedKeyDirectory", Path.Combine(DocumentKeyDirectory, "token-keys"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IOutgoingGrainCallFilter>(GrainCalls));
    }

    public async Task<string> Token(string role, string subject, string? centerId = null, string? governorate = null, string? nationalIdNumber = null)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { role, subject, centerId, governorate, nationalIdNumber });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["token"]!.GetValue<string>();
    }

    /// <summary>POSTs a GraphQL operation and returns the whole response body.</summary>
    public async Task<JsonNode> GraphQL(string query, object? variables = null, string? token = null, string? language = null)
    {
        var (status, text) = await GraphQLText(query, variables, token, language);
        return JsonNode.Parse(text) ?? throw new JsonException($"Empty response ({status}).");
    }

    /// <summary>The same POST, the body as the server wrote it (for tests of the bytes themselves) with its status.</summary>
    public async Task<(int Status, string Text)> GraphQLText(string query, object? variables = null, string? token = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
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
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
