using Actors.Contracts.ReadModels;

namespace Actors.SiloHosting.Embedded;

/// <summary>
/// A keyset index of the embedded mode, held in memory, answering like its PostgreSQL twin (the same contract tests
/// run against both): the highest version of each row wins; keys compare ordinally (PostgreSQL sorts them in the "C"
/// collation), ties by id in the same direction (<see cref="Guid.CompareTo(Guid)"/> orders like PostgreSQL's uuid).
/// Thread-safe: writes and the filtering snapshot take one lock; sorting and paging happen outside it.
/// </summary>
public abstract class InMemoryIndex<TEntry, TFilter, TOrder>(TimeProvider clock) : IKeysetIndex<TEntry, TFilter, TOrder>
    where TEntry : IIndexEntry
    where TOrder : IKeysetOrder<TEntry>
{
    private readonly Dictionary<Guid, TEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// The time answers are as of: now, since in embedded mode events are applied before the grain call returns.
    /// </summary>
    protected DateTimeOffset AsOf => clock.GetUtcNow();

    /// <summary>Whether a row never changes once written (a log): the first entry of an id is kept, whatever its version.</summary>
    protected virtual bool AppendOnly => false;

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<TEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                if (!_entries.TryGetValue(entry.Id, out var known) || (!AppendOnly && known.Version < entry.Version))
                {
                    _entries[entry.Id] = Stored(entry);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<KeysetPage<TEntry>> QueryAsync(KeysetQuery<TFilter, TOrder> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var read = query.Validate();
        var order = query.Order;
        var rows = Matching(query.Filter).Select(e => (Key: order.KeyOf(e), Entry: e)).ToList();
        var asOf = AsOf;
        rows.Sort((x, y) => Compare(order, x.Key, x.Entry.Id, y.Key, y.Entry.Id));

        var page = read.Page(
            rows,
            query.After is { } after ? r => Compare(order, r.Key, r.Entry.Id, after.SortKey, after.Id) > 0 : null,
            query.Before is { } before ? r => Compare(order, r.Key, r.Entry.Id, before.SortKey, before.Id) < 0 : null,
            asOf);
        return Task.FromResult(new KeysetPage<TEntry>(
            page.Items.Select(r => r.Entry).ToList(), page.HasNextPage, page.HasPreviousPage,
            query.WithoutTotal ? KeysetPage<TEntry>.NotCounted : page.TotalCount, page.AsOf));
    }

    /// <summary>A snapshot of the entries the filter selects, in no particular order.</summary>
    protected List<TEntry> Matching(TFilter filter)
    {
        lock (_gate)
        {
            return _entries.Values.Where(e => Matches(filter, e)).ToList();
        }
    }

    protected abstract bool Matches(TFilter filter, TEntry entry);

    /// <summary>The entry as stored: timestamps in UTC, as the PostgreSQL index returns them, so both answer alike.</summary>
    protected abstract TEntry Stored(TEntry entry);

    private static int Compare(TOrder order, string xKey, Guid xId, string yKey, Guid yId)
    {
        var c = string.CompareOrdinal(xKey, yKey);
        if (c == 0)
        {
            c = xId.CompareTo(yId);
        }

        return order.Descending ? -c : c;
    }
}
