namespace Actors.Contracts.ReadModels;

/// <summary>
/// A read model listed in keyset pages: in memory in embedded mode, a PostgreSQL table in cluster mode, both
/// passing the same contract tests. Each named index (requests, allocations...) is one of these.
/// </summary>
public interface IKeysetIndex<TEntry, TFilter, TOrder>
    where TEntry : IIndexEntry
    where TOrder : IKeysetOrder<TEntry>
{
    /// <summary>Upserts entries; an entry older than (or as old as) the stored one changes nothing.</summary>
    Task ApplyAsync(IReadOnlyList<TEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>One page of the filtered list; throws <see cref="ArgumentException"/> when <see cref="KeysetQuery{TFilter, TOrder}.Validate"/> does.</summary>
    Task<KeysetPage<TEntry>> QueryAsync(KeysetQuery<TFilter, TOrder> query, CancellationToken cancellationToken = default);
}
