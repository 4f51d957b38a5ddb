namespace Actors.Contracts.Requests.Index;

/// <summary>
/// The read model behind <c>requests(...)</c>: in memory in embedded mode, a PostgreSQL table in
/// cluster mode. Both pass the same contract tests.
/// </summary>
public interface IRequestIndex
{
    /// <summary>Upserts entries; an entry older than (or as old as) the stored one changes nothing.</summary>
    Task ApplyAsync(IReadOnlyList<RequestIndexEntry> entries, CancellationToken cancellationToken = default);

    Task<RequestIndexPage> QueryAsync(RequestIndexQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many requests match the filter, grouped by the given dimensions (none: one group, the total).</summary>
    Task<RequestCounts> CountAsync(RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default);
}
