using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.TestSupport;

/// <summary>
/// The API over real HTTP, as a frontend would call it: tokens from <c>POST /dev/token</c>, operations as
/// <c>POST /graphql</c> with a JSON body. One instance per API base address; it is safe to share between tasks.
/// </summary>
public sealed class GraphQLHttpClient : IDisposable
{
    // The web defaults JsonContent used (camelCase names), so that variables given as C# objects read as they did.
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public GraphQLHttpClient(Uri baseAddress, TimeSpan? timeout = null, int maxConnections = 256)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    /// <summary>A development token for a role (CITIZEN with their national ID number, AGENT with a center code, SUPERVISOR with a governorate, OPERATOR...).</summary>
    public async Task<string> TokenAsync(string role, string subject, string? centerId = null, string? governorate = null,
        string? nationalIdNumber = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync("/dev/token", new { role, subject, centerId, governorate, nationalIdNumber }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"/dev/token answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!["token"]!.GetValue<string>();
    }

    /// <summary>
    /// POSTs an operation and returns the whole response body. Throws <see cref="HttpRequestException"/> when the server
    /// does not answer with a GraphQL response (connection refused, 5xx without a body, a proxy page...).
    /// </summary>
    public async Task<JsonNode> PostAsync(string query, object? variables = null, string? token = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(query, variables, token, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonNode.Parse(text) ?? throw new HttpRequestException($"Empty response ({(int)response.StatusCode}).");
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException($"Not a GraphQL response ({(int)response.StatusCode}): {text[..Math.Min(text.Length, 200)]}", ex);
        }
    }

    /// <summary>
    /// POSTs an operation and returns the status and the body as bytes, unparsed: for load generators, which look for an
    /// <c>"errors"</c> member in the bytes rather than build a tree of every answer (as pgbench does not of its rows).
    /// </summary>
    public async Task<(int Status, byte[] Body)> PostForBytesAsync(string query, object? variables = null, string? token = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(query, variables, token, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string query, object? variables, string? token, CancellationToken cancellationToken)
    {
        // Serialized up front and sent with its Content-Length, as a browser's fetch sends it: JsonContent streams the body
        // in chunks, which costs the API (and the load generator) work no frontend causes. The transport tests keep a
        // chunked body of their own.
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query, variables }, WebJson));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = body };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request, cancellationToken);
    }
}
