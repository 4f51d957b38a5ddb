using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Bench;

/// <summary>
/// The oversized and expensive requests of issue 13, each just over one of the bounds in docs/security.md (or far
/// over, when going further costs the attacker nothing), sent to one API. One instance is shared by every abusive
/// client; each attempt opens what it needs and closes it.
/// </summary>
public sealed class AbuseCases : IDisposable
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly HttpMessageInvoker _stalledTransport;
    private readonly Uri _socketAddress;
    private readonly string _citizenToken;
    private readonly string _requestId;

    public AbuseCases(Uri apiBase, string citizenToken, string requestId)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false })
        {
            BaseAddress = apiBase,
            Timeout = GiveUp,
        };
        // A reader that never reads: the smallest receive window the kernel allows, so that what the server sends
        // backs up on the server's side instead of filling megabytes of client buffers first.
        _stalledTransport = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });
        _socketAddress = new UriBuilder(new Uri(apiBase, "/graphql")) { Scheme = "ws" }.Uri;
        _citizenToken = citizenToken;
        _requestId = requestId;
        All =
        [
            new("body too large (300 KiB of variables)", "413 PAYLOAD_TOO_LARGE", false, BodyTooLargeAsync),
            Document("too many tokens (15 000 names)", "DOCUMENT_TOO_LARGE (MaxTokens)",
                "{ " + string.Concat(Enumerable.Repeat("x ", 15_000)) + "}"),
            Document("too deep to parse (400 nested lists)", "QUERY_TOO_COMPLEX (MaxSyntaxDepth)",
                "{ centers(where: " + new string('[', 400) + new string(']', 400) + ") { totalCount } }"),
            Document("too deep (30 levels of ofType)", "QUERY_TOO_COMPLEX (MaxDepth)",
                "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 30)) + "{ name }" + new string('}', 30) + " } } } }"),
            Document("too many aliases (500)", "QUERY_TOO_COMPLEX (MaxAliases)",
                "{ " + string.Concat(Enumerable.Range(0, 500).Select(i => $"a{i.ToString(CultureInfo.InvariantCulture)}: governorates {{ code }} ")) + "}"),
            Document("fragment bomb (2 spreads × 40 levels = 2^40 fields)", "QUERY_TOO_COSTLY (MaxCost)", FragmentBomb()),
            Document("too costly (45 × centers(first: 100) with services)", "QUERY_TOO_COSTLY (MaxCost)",
                "{ " + string.Concat(Enumerable.Range(0, 45).Select(i =>
                    $"c{i.ToString(CultureInfo.InvariantCulture)}: centers(first: 100) {{ nodes {{ code name services {{ service category }} }} }} ")) + "}"),
            Document("introspection twice (two full __schema)", "QUERY_TOO_COMPLEX (MaxSchemaIntrospections)", IntrospectionTwice()),
            new("WebSocket that never reads (introspection results)", "dropped (MaxPendingBytes)", true, NeverReadsAsync),
            new("too many subscriptions on one socket (26)", "error TOO_MANY_OPERATIONS", true, TooManySubscriptionsAsync),
            new("too many sockets from one address", "close 1008", true, TooManySocketsAsync),
        ];
    }

    public IReadOnlyList<AbuseCase> All { get; }

    /// <summary>The full introspection query that GraphiQL and code generators send (cost about 40 500: within the anonymous budget).</summary>
    public const string Introspection = """
        query IntrospectionQuery {
          __schema { queryType { name } mutationType { name } subscriptionType { name } types { ...FullType } directives { name locations args { ...InputValue } } }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue } interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        """;

    public void Dispose()
    {
        _http.Dispose();
        _stalledTransport.Dispose();
    }

    private static string FragmentBomb()
    {
        var document = new StringBuilder("{ ...F0 }\n");
        for (var level = 0; level < 40; level++)
        {
            document.Append(CultureInfo.InvariantCulture, $"fragment F{level} on Query {{ a: governorates {{ code }} ...F{level + 1} ...F{level + 1} }}\n");
        }

        return document.Append("fragment F40 on Query { __typename }\n").ToString();
    }

    private static string IntrospectionTwice() =>
        Introspection.Replace("__schema {", "a: __schema { types { ...FullType } } b: __schema {", StringComparison.Ordinal);

    private AbuseCase Document(string name, string expected, string query) =>
        new(name, expected, false, cancellationToken => PostAsync(JsonContent.Create(new { query }), null, cancellationToken));

    private Task<AbuseTry> BodyTooLargeAsync(CancellationToken cancellationToken) =>
        PostAsync(JsonContent.Create(new { query = "query($pad: String) { governorates { code } }", variables = new { pad = new string('x', 300 * 1024) } }),
            null, cancellationToken);

    private async Task<AbuseTry> PostAsync(HttpContent content, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return new(elapsed, $"{(int)response.StatusCode} (not GraphQL)");
        }

        if (body?["errors"]?[0]?["extensions"] is not { } extensions)
        {
            return new(elapsed, AbuseTry.Answered);
        }

        var code = extensions["code"]?.GetValue<string>() ?? "no code";
        var bound = extensions["bound"]?.GetValue<string>();
        var status = (int)response.StatusCode == 200 ? "" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " ";
        return new(elapsed, bound is null ? status + code : $"{status}{code} ({bound})");
    }

    /// <summary>
    /// Asks for the schema over and over on one socket and never reads the answers (each several hundred KB); the
    /// attempt ends when the server has dropped the connection, seen as the next send failing. Timed from the first ask.
    /// </summary>
    private async Task<AbuseTry> NeverReadsAsync(CancellationToken cancellationToken)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_socketAddress, _stalledTransport, cancellationToken);
        if (!await socket.InitAsync(null, cancellationToken))
        {
            return new(0, $"close {socket.CloseCode} at init");
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < GiveUp; i++)
        {
            try
            {
                await socket.SendAsync(new { id = i.ToString(CultureInfo.InvariantCulture), type = "subscribe", payload = new { query = Introspection } }, cancellationToken);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                return new(clock.Elapsed.TotalMilliseconds, "dropped");
            }

            // Within the operation bound: the server runs each ask and queues its answer.
            await Task.Delay(20, cancellationToken);
        }

        return new(clock.Elapsed.TotalMilliseconds, AbuseTry.Answered);
    }

    /// <summary>25 subscriptions to the citizen's own request, then a 26th: timed from the 26th subscribe to its answer.</summary>
    private async Task<AbuseTry> TooManySubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_socketAddress, null, cancellationToken);
        if (!await socket.InitAsync(new { token = _citizenToken }, cancellationToken))
        {
            return new(0, $"close {socket.CloseCode} at init");
        }

        const string Subscription = "subscription($id: ID!) { requestStatusChanged(id: $id) { status } }";
        for (var i = 0; i < 25; i++)
        {
            await socket.SendAsync(new { id = "s" + i.ToString(CultureInfo.InvariantCulture), type = "subscribe", payload = new { query = Subscription, variables = new { id = _requestId } } },
                cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        await socket.SendAsync(new { id = "extra", type = "subscribe", payload = new { query = Subscription, variables = new { id = _requestId } } }, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(GiveUp);
        while (await socket.ReceiveAsync(timeout.Token) is { } message)
        {
            if (message["id"]?.GetValue<string>() != "extra")
            {
                continue;
            }

            var type = message["type"]?.GetValue<string>();
            return new(clock.Elapsed.TotalMilliseconds,
                type == "error" ? "error " + (message["payload"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? "without code") : AbuseTry.Answered);
        }

        return new(clock.Elapsed.TotalMilliseconds, $"close {socket.CloseCode}");
    }

    /// <summary>Opens sockets from this address until one is refused: timed from that socket's connect to its close.</summary>
    private async Task<AbuseTry> TooManySocketsAsync(CancellationToken cancellationToken)
    {
        var open = new List<GraphQLSocket>();
        try
        {
            while (open.Count < 1_000)
            {
                var clock = Stopwatch.StartNew();
                var socket = await GraphQLSocket.ConnectAsync(_socketAddress, null, cancellationToken);
                open.Add(socket);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(GiveUp);
                if (!await socket.InitAsync(null, timeout.Token))
                {
                    return new(clock.Elapsed.TotalMilliseconds, $"close {socket.CloseCode}");
                }
            }

            return new(0, AbuseTry.Answered);
        }
        finally
        {
            await Task.WhenAll(open.Select(s => s.DisposeAsync().AsTask()));
        }
    }
}
