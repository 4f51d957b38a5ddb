using Actors.Contracts.ReadModels;

namespace Actors.Contracts.Requests.Index;

/// <summary>
/// The read model behind <c>requests(...)</c> and <c>progress</c>: a keyset index of requests, each row with the
/// request's document, so that a page of requests is one read. In memory in embedded mode, a PostgreSQL table in
/// cluster mode; both pass the same contract tests.
/// </summary>
public interface IRequestIndex : IKeysetIndex<RequestIndexEntry, RequestFilter, RequestOrder>
{
    /// <summary>How many requests match the filter, grouped by the given dimensions (none: one group, the total).</summary>
    Task<RequestCounts> CountAsync(RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default);

    /// <summary>Rates, overdue counts and durations of the filtered requests (<see cref="RequestFigures"/>).</summary>
    Task<RequestFigures> FiguresAsync(RequestFilter filter, CancellationToken cancellationToken = default);
}
