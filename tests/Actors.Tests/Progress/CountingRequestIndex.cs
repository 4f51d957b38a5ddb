using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests.Index;
using Actors.SiloHosting.Embedded;

namespace Actors.Tests.Progress;

/// <summary>
/// The embedded request index, counting the aggregations it is asked for; while <see cref="Gate"/> is set, an
/// aggregation waits for it (a slow read model), and <see cref="FailNext"/> makes the next one throw.
/// </summary>
public sealed class CountingRequestIndex : IRequestIndex
{
    private readonly InMemoryRequestIndex _index = new(TimeProvider.System);
    private int _aggregations;

    public int Aggregations => Volatile.Read(ref _aggregations);

    public TaskCompletionSource? Gate { get; set; }

    public bool FailNext { get; set; }

    public async Task<RequestCounts> CountAsync(RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default)
    {
        await Aggregating();
        return await _index.CountAsync(filter, groupBy, cancellationToken);
    }

    public async Task<RequestFigures> FiguresAsync(RequestFilter filter, CancellationToken cancellationToken = default)
    {
        await Aggregating();
        return await _index.FiguresAsync(filter, cancellationToken);
    }

    public Task ApplyAsync(IReadOnlyList<RequestIndexEntry> entries, CancellationToken cancellationToken = default) =>
        _index.ApplyAsync(entries, cancellationToken);

    public Task<KeysetPage<RequestIndexEntry>> QueryAsync(KeysetQuery<RequestFilter, RequestOrder> query, CancellationToken cancellationToken = default) =>
        _index.QueryAsync(query, cancellationToken);

    private async Task Aggregating()
    {
        Interlocked.Increment(ref _aggregations);
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (FailNext)
        {
            FailNext = false;
            throw new TimeoutException("The read model did not answer (test).");
        }
    }
}
