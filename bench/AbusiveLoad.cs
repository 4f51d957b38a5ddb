using System.Collections.Concurrent;
using System.Globalization;

namespace Actors.Bench;

/// <summary>
/// Clients that send nothing but abusive requests, one after another without pause, each going through every case
/// in turn from its own starting point, so that at any moment the server faces a mix of them.
/// </summary>
public sealed class AbusiveLoad(IReadOnlyList<AbuseCase> cases)
{
    private readonly ConcurrentDictionary<(string Case, string Outcome), int> _outcomes = new();
    private long _attempts;

    public long Attempts => Interlocked.Read(ref _attempts);

    public Task RunAsync(int abusers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, abusers).Select(abuser => Task.Run(async () =>
        {
            for (var i = abuser; !stop.IsCancellationRequested; i++)
            {
                var abuse = cases[i % cases.Count];
                string outcome;
                try
                {
                    outcome = (await abuse.TryAsync(stop)).Outcome;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
                {
                    // What an abusive client sees when the server cuts it off rudely is an outcome too.
                    outcome = "client error: " + ex.GetType().Name;
                }

                Interlocked.Increment(ref _attempts);
                _outcomes.AddOrUpdate((abuse.Name, outcome), 1, (_, n) => n + 1);
            }
        })));

    /// <summary>For each case, its outcomes and how often each was seen.</summary>
    public IEnumerable<(string Case, string Outcomes)> OutcomesByCase() =>
        cases.Select(c => (c.Name, string.Join(", ", _outcomes.Where(o => o.Key.Case == c.Name).OrderByDescending(o => o.Value)
            .Select(o => $"{o.Key.Outcome} × {o.Value.ToString(CultureInfo.InvariantCulture)}"))));
}
