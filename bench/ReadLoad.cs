using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Actors.Bench;

/// <summary>
/// The read load generator: <c>clients</c> closed loops (each sends its next request when the last one is answered) over
/// one keep-alive connection each, the same code for every target, so that /health/live, request(id) and a page of
/// requests differ only by what is sent. A GraphQL answer counts only if it is 200 without "errors".
/// </summary>
public sealed class ReadLoad : IDisposable
{
    private static readonly byte[] ErrorsMember = Encoding.UTF8.GetBytes("\"errors\"");

    private readonly HttpClient _http;
    private readonly int _clients;

    public ReadLoad(Uri baseAddress, int clients)
    {
        _clients = clients;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A GET of a path (e.g. /health/live): one request per call, nothing else varies.</summary>
    public static Func<int, HttpRequestMessage> Get(string path) => _ => new HttpRequestMessage(HttpMethod.Get, path);

    /// <summary>POST /graphql of one operation per (token, variables) pair, in turn; bodies are serialized once, before the run.</summary>
    public static Func<int, HttpRequestMessage> GraphQL(string query, IReadOnlyList<(string Token, object Variables)> calls)
    {
        var prepared = calls.Select(c => (Header: new AuthenticationHeaderValue("Bearer", c.Token), Body: JsonSerializer.SerializeToUtf8Bytes(new { query, variables = c.Variables })))
            .ToArray();
        return n =>
        {
            var (header, body) = prepared[n % prepared.Length];
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
            request.Headers.Authorization = header;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        };
    }

    /// <summary>
    /// Runs the loops for <paramref name="duration"/>, or until <paramref name="limit"/> requests have been sent in all
    /// (each numbered once: a cold read must not read the same grain twice). Request number n is <c>request(n)</c>.
    /// </summary>
    public async Task<ReadResult> RunAsync(Func<int, HttpRequestMessage> request, TimeSpan duration, int limit = int.MaxValue)
    {
        var latencies = new ConcurrentQueue<double>();
        var failed = 0;
        string? firstFailure = null;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, _clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var number = Interlocked.Increment(ref next);
                if (number >= limit)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                string? problem;
                try
                {
                    using var message = request(number);
                    using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    problem = response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}"
                        : body.AsSpan().IndexOf(ErrorsMember) >= 0 ? Encoding.UTF8.GetString(body)
                        : null;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    problem = $"{ex.GetType().Name}: {ex.Message}";
                }

                if (problem is null)
                {
                    latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, problem.Length > 300 ? problem[..300] : problem, null);
                }
            }
        })));
        return new ReadResult(latencies.ToArray(), failed, clock.Elapsed.TotalSeconds, firstFailure);
    }

    public void Dispose() => _http.Dispose();
}
