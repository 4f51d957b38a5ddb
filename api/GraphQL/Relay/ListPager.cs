namespace Actors.Api.GraphQL.Relay;

/// <summary>
/// Pages a small, already filtered and ordered list held in memory (centers, programmes...) with
/// the same keyset cursors as the indexed lists. Keys must be unique and sort like the list.
/// </summary>
public static class ListPager
{
    public static Connection<T> Page<T>(
        IReadOnlyList<T> ordered, PageArguments page, string scope, Func<T, string> sortKey, Func<T, string> id,
        IComparer<(string, string)> comparer, DateTimeOffset? asOf = null)
    {
        var keys = ordered.Select(item => (sortKey(item), id(item))).ToList();
        int start = 0, end = ordered.Count;
        if (page.After is { } after)
        {
            var position = CursorCodec.Decode(after, scope, "after");
            start = FirstAfter(keys, position, comparer);
        }

        if (page.Before is { } before)
        {
            var position = CursorCodec.Decode(before, scope, "before");
            end = FirstAfter(keys, position, comparer, inclusive: true);
        }

        var window = Enumerable.Range(start, Math.Max(0, end - start)).ToList();
        var hasNext = end < ordered.Count;
        var hasPrevious = start > 0;
        if (page.First is { } first)
        {
            hasNext |= window.Count > first;
            window = window.Take(first).ToList();
        }
        else if (page.Last is { } last)
        {
            hasPrevious |= window.Count > last;
            window = window.Skip(Math.Max(0, window.Count - last)).ToList();
        }

        var edges = window.Select(i => new Edge<T>(CursorCodec.Encode(scope, keys[i].Item1, keys[i].Item2), ordered[i])).ToList();
        return new Connection<T>(edges, new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            ordered.Count, asOf);
    }

    private static int FirstAfter(List<(string, string)> keys, (string, string) position, IComparer<(string, string)> comparer, bool inclusive = false)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var c = comparer.Compare(keys[i], position);
            if (c > 0 || (inclusive && c == 0))
            {
                return i;
            }
        }

        return keys.Count;
    }
}
