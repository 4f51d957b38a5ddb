using System.Globalization;
using Actors.Contracts.Requests.Index;

namespace Actors.SiloHosting.Embedded;

/// <summary>
/// The request index of the embedded mode: one process, held in memory, same contract as the PostgreSQL index
/// (highest version wins; keyset pages on sort key then id; the same contract tests run against both).
/// Thread-safe: writes and the filtering snapshot take one lock; sorting and paging happen outside it.
/// </summary>
public sealed class InMemoryRequestIndex(TimeProvider clock) : IRequestIndex
{
    private readonly Dictionary<Guid, RequestIndexEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<RequestIndexEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                if (!_entries.TryGetValue(entry.Id, out var known) || known.Version < entry.Version)
                {
                    // UTC like the PostgreSQL index returns them, so both answer with equal entries.
                    _entries[entry.Id] = entry with
                    {
                        SubmittedAt = entry.SubmittedAt.ToUniversalTime(),
                        UpdatedAt = entry.UpdatedAt.ToUniversalTime(),
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RequestIndexPage> QueryAsync(RequestIndexQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.First is not null && query.Last is not null)
        {
            throw new ArgumentException("Ask for first or last, not both.", nameof(query));
        }

        if (query.First < 0 || query.Last < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "A page size cannot be negative.");
        }

        var order = query.Order;
        var after = query.After is { } a ? Position(order, a) : default((string, Guid)?);
        var before = query.Before is { } b ? Position(order, b) : default((string, Guid)?);

        List<(string Key, RequestIndexEntry Entry)> matching;
        lock (_gate)
        {
            matching = _entries.Values.Where(e => Matches(query.Filter, e)).Select(e => (order.KeyOf(e), e)).ToList();
        }

        // Answers reflect every apply so far: in embedded mode events are applied before the grain call returns.
        var asOf = clock.GetUtcNow();
        matching.Sort((x, y) => Compare(order, (x.Key, x.Entry.Id), (y.Key, y.Entry.Id)));

        var window = matching
            .Where(m => after is null || Compare(order, (m.Key, m.Entry.Id), after.Value) > 0)
            .Where(m => before is null || Compare(order, (m.Key, m.Entry.Id), before.Value) < 0)
            .Select(m => m.Entry)
            .ToList();
        var rowsAtOrBeforeAfter = after is not null && matching.Any(m => Compare(order, (m.Key, m.Entry.Id), after.Value) <= 0);
        var rowsAtOrAfterBefore = before is not null && matching.Any(m => Compare(order, (m.Key, m.Entry.Id), before.Value) >= 0);

        RequestIndexPage page;
        if (query.Last is { } last)
        {
            var more = window.Count > last;
            var items = window.Skip(Math.Max(0, window.Count - last)).ToList();
            page = new RequestIndexPage(items, HasNextPage: rowsAtOrAfterBefore, HasPreviousPage: more || rowsAtOrBeforeAfter, matching.Count, asOf);
        }
        else
        {
            var first = query.First ?? window.Count;
            var more = window.Count > first;
            var items = window.Take(first).ToList();
            page = new RequestIndexPage(items, HasNextPage: more || rowsAtOrAfterBefore, HasPreviousPage: rowsAtOrBeforeAfter, matching.Count, asOf);
        }

        return Task.FromResult(page);
    }

    /// <summary>
    /// Sort keys compare ordinally (the PostgreSQL index sorts text in the "C" collation), ties by id in the
    /// same direction; Guid.CompareTo orders like PostgreSQL's uuid (the text form, byte by byte).
    /// </summary>
    /// <inheritdoc />
    public Task<RequestCounts> CountAsync(RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupBy);
        List<RequestIndexEntry> matching;
        lock (_gate)
        {
            matching = _entries.Values.Where(e => Matches(filter, e)).ToList();
        }

        var dimensions = groupBy.Distinct().ToList();
        var groups = matching
            .GroupBy(e => string.Join('\u001f', dimensions.Select(d => RequestDimensions.ValueOf(e, d))), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RequestCountGroup(
                dimensions.ToDictionary(d => d, d => RequestDimensions.ValueOf(g.First(), d)), g.LongCount()))
            .ToList();
        return Task.FromResult(new RequestCounts(groups, matching.Count, clock.GetUtcNow()));
    }

    private static int Compare(RequestOrder order, (string Key, Guid Id) x, (string Key, Guid Id) y)
    {
        var c = string.CompareOrdinal(x.Key, y.Key);
        if (c == 0)
        {
            c = x.Id.CompareTo(y.Id);
        }

        return order.Descending ? -c : c;
    }

    /// <summary>A cursor's position; timestamp keys must be the 19-digit ticks that <see cref="RequestOrder.KeyOf"/> writes.</summary>
    private static (string Key, Guid Id) Position(RequestOrder order, IndexCursor cursor)
    {
        if (order.Field != RequestSortField.Reference
            && (cursor.SortKey.Length != 19 || !long.TryParse(cursor.SortKey, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"Cursor sort key '{cursor.SortKey}' is not a timestamp of this order.", nameof(cursor));
        }

        return (cursor.SortKey, cursor.Id);
    }

    private static bool Matches(RequestFilter filter, RequestIndexEntry entry) =>
        (filter.Kinds is not { Count: > 0 } || filter.Kinds.Contains(entry.Kind))
        && (filter.Statuses is not { Count: > 0 } || filter.Statuses.Contains(entry.Status))
        && (filter.Governorates is not { Count: > 0 } || filter.Governorates.Contains(entry.Governorate))
        && (filter.CenterIds is not { Count: > 0 } || filter.CenterIds.Contains(entry.CenterId))
        && (filter.OwnerSubject is null || string.Equals(filter.OwnerSubject, entry.OwnerSubject, StringComparison.Ordinal))
        && (filter.SubmittedFrom is null || entry.SubmittedAt >= filter.SubmittedFrom)
        && (filter.SubmittedBefore is null || entry.SubmittedAt < filter.SubmittedBefore)
        && (filter.IsPupil is null || filter.IsPupil == entry.IsPupil);
}
