using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.TestSupport;

namespace Actors.Bench;

/// <summary>
/// What a well-behaved frontend asks, in closed loops (each client sends its next request when the last one is answered):
/// the governorates anonymously, and a citizen's own request by id, in turn.
/// </summary>
public sealed class NormalLoad(GraphQLHttpClient api, string citizenToken, string requestId)
{
    public const string Governorates = "{ governorates { code } }";

    public const string OwnRequest = "query($id: ID!) { request(id: $id) { id status version } }";

    private readonly ConcurrentQueue<double> _governorates = new();
    private readonly ConcurrentQueue<double> _ownRequest = new();
    private int _failed;

    public IReadOnlyCollection<double> GovernoratesLatencies => _governorates;

    public IReadOnlyCollection<double> OwnRequestLatencies => _ownRequest;

    /// <summary>Answers that were errors or never came.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public double Seconds { get; private set; }

    public int Answered => _governorates.Count + _ownRequest.Count;

    public async Task RunAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = client; clock.Elapsed < duration && !cancellationToken.IsCancellationRequested; i++)
            {
                var own = i % 2 == 1;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var answer = own
                        ? await api.PostAsync(OwnRequest, new { id = requestId }, citizenToken, cancellationToken)
                        : await api.PostAsync(Governorates, cancellationToken: cancellationToken);
                    if (answer["errors"] is not null || answer["data"] is null)
                    {
                        Interlocked.Increment(ref _failed);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _failed);
                    continue;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failed);
                    continue;
                }

                (own ? _ownRequest : _governorates).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, cancellationToken)));
        Seconds = clock.Elapsed.TotalSeconds;
    }
}
