using Actors.Contracts.Funds.Index;

namespace Actors.SiloHosting.Embedded;

/// <summary>
/// The allocation index of the embedded mode, in memory: the highest version of each allocation wins,
/// pages are keyset pages on (sort key, id). Writes and the filtering snapshot take one lock.
/// </summary>
public sealed class InMemoryAllocationIndex(TimeProvider clock) : IAllocationIndex
{
    private readonly Dictionary<Guid, AllocationIndexEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<AllocationIndexEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                if (!_entries.TryGetValue(entry.Id, out var known) || known.Version < entry.Version)
                {
                    _entries[entry.Id] = entry with { ProposedAt = entry.ProposedAt.ToUniversalTime(), UpdatedAt = entry.UpdatedAt.ToUniversalTime() };
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AllocationIndexPage> QueryAsync(AllocationIndexQuery query, CancellationToken cancellationToken = default)
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

        foreach (var cursor in new[] { query.After, query.Before })
        {
            if (cursor is not null && query.Order.Field != AllocationSortField.MunicipalityCode
                && (cursor.SortKey.Length != 19 || !cursor.SortKey.All(char.IsAsciiDigit)))
            {
                throw new ArgumentException($"Cursor sort key '{cursor.SortKey}' does not belong to this order.", nameof(query));
            }
        }

        List<(string Key, AllocationIndexEntry Entry)> rows;
        lock (_gate)
        {
            rows = _entries.Values.Where(e => Matches(query.Filter, e)).Select(e => (query.Order.KeyOf(e), e)).ToList();
        }

        var asOf = clock.GetUtcNow();
        var order = query.Order;
        rows.Sort((x, y) => Compare(order, x.Key, x.Entry.Id, y.Key, y.Entry.Id));
        bool AfterCursor((string Key, AllocationIndexEntry Entry) r, AllocationCursor c) => Compare(order, r.Key, r.Entry.Id, c.SortKey, c.Id) > 0;
        bool BeforeCursor((string Key, AllocationIndexEntry Entry) r, AllocationCursor c) => Compare(order, r.Key, r.Entry.Id, c.SortKey, c.Id) < 0;

        var window = rows
            .Where(r => query.After is null || AfterCursor(r, query.After))
            .Where(r => query.Before is null || BeforeCursor(r, query.Before))
            .Select(r => r.Entry)
            .ToList();
        var somethingBefore = query.After is not null && rows.Any(r => !AfterCursor(r, query.After));
        var somethingAfter = query.Before is not null && rows.Any(r => !BeforeCursor(r, query.Before));

        AllocationIndexPage page;
        if (query.Last is { } last)
        {
            var items = window.Skip(Math.Max(0, window.Count - last)).ToList();
            page = new AllocationIndexPage(items, somethingAfter, window.Count > last || somethingBefore, rows.Count, asOf);
        }
        else
        {
            var first = query.First ?? window.Count;
            var items = window.Take(first).ToList();
            page = new AllocationIndexPage(items, window.Count > first || somethingAfter, somethingBefore, rows.Count, asOf);
        }

        return Task.FromResult(page);
    }

    /// <summary>Ordinal on the sort key, then the id (Guid order is the uuid order of PostgreSQL), both in the order's direction.</summary>
    private static int Compare(AllocationOrder order, string xKey, Guid xId, string yKey, Guid yId)
    {
        var c = string.CompareOrdinal(xKey, yKey);
        if (c == 0)
        {
            c = xId.CompareTo(yId);
        }

        return order.Descending ? -c : c;
    }

    private static bool Matches(AllocationFilter filter, AllocationIndexEntry e) =>
        e.Year == filter.Year
        && (filter.Programmes is not { Count: > 0 } || filter.Programmes.Contains(e.Programme))
        && (filter.Governorates is not { Count: > 0 } || filter.Governorates.Contains(e.Governorate))
        && (filter.MunicipalityCodes is not { Count: > 0 } || filter.MunicipalityCodes.Contains(e.MunicipalityCode))
        && (filter.Statuses is not { Count: > 0 } || filter.Statuses.Contains(e.Status));
}
