using System.Globalization;

namespace Actors.Contracts.ReadModels;

/// <summary>
/// How a Relay page is read from a keyset list: at most <see cref="Size"/> rows (null: all), forwards from the start
/// of the window, or backwards from its end. One row more than the page is read, so "is there more on this side"
/// costs nothing; the other side is "does any row of the filtered list lie at or beyond the cursor the window
/// starts from". Every list, in memory or in PostgreSQL, turns rows into a page here.
/// </summary>
public sealed record KeysetRead(int? Size, bool Backward)
{
    /// <summary>
    /// The one check of page sizes for every list: first or last, not both, and each between 0 and
    /// <paramref name="maxSize"/>. Null when the sizes are fine, else the argument at fault and why.
    /// </summary>
    public static (string Argument, string Message)? Problem(int? first, int? last, int maxSize = int.MaxValue)
    {
        if (first is not null && last is not null)
        {
            return ("first", "Use first (with after) or last (with before), not both.");
        }

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value < 0 || value > maxSize)
            {
                return (name, maxSize == int.MaxValue
                    ? $"{name} cannot be negative."
                    : string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 and {maxSize}."));
            }
        }

        return null;
    }

    /// <exception cref="ArgumentException">The sizes fail <see cref="Problem"/>.</exception>
    public static KeysetRead Of(int? first, int? last) =>
        Problem(first, last) is { } problem
            ? throw new ArgumentException(problem.Message, problem.Argument)
            : new KeysetRead(first ?? last, Backward: last is not null);

    /// <summary>How many rows to read (null: all): one more than the page.</summary>
    public int? Limit => Size + 1;

    /// <summary>
    /// A page of a list held in memory, filtered and in the list's order, read the way an index reads its table.
    /// </summary>
    /// <param name="beyondAfter">Whether an item lies strictly beyond the <c>after</c> cursor; null without one.</param>
    /// <param name="shortOfBefore">Whether an item lies strictly short of the <c>before</c> cursor; null without one.</param>
    public KeysetPage<T> Page<T>(IReadOnlyList<T> ordered, Func<T, bool>? beyondAfter, Func<T, bool>? shortOfBefore, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var window = ordered.Where(item => (beyondAfter is null || beyondAfter(item)) && (shortOfBefore is null || shortOfBefore(item)));
        if (Backward)
        {
            window = window.Reverse();
        }

        var read = (Limit is { } limit ? window.Take(limit) : window).ToList();
        return Complete(
            read, ordered.Count, asOf,
            rowsAtOrBeforeAfter: beyondAfter is not null && ordered.Any(item => !beyondAfter(item)),
            rowsAtOrAfterBefore: shortOfBefore is not null && ordered.Any(item => !shortOfBefore(item)));
    }

    /// <summary>The page from the rows read and what lies outside the window.</summary>
    /// <param name="read">Rows in reading order (the list's order, or reversed for a backward page), at most <see cref="Limit"/>.</param>
    /// <param name="rowsAtOrBeforeAfter">Whether the filtered list has rows at or before the <c>after</c> cursor.</param>
    /// <param name="rowsAtOrAfterBefore">Whether the filtered list has rows at or after the <c>before</c> cursor.</param>
    public KeysetPage<T> Complete<T>(List<T> read, int totalCount, DateTimeOffset asOf, bool rowsAtOrBeforeAfter, bool rowsAtOrAfterBefore)
    {
        ArgumentNullException.ThrowIfNull(read);
        var more = Size is { } size && read.Count > size;
        if (more)
        {
            read.RemoveRange(Size!.Value, read.Count - Size.Value);
        }

        if (Backward)
        {
            read.Reverse();
            return new KeysetPage<T>(read, HasNextPage: rowsAtOrAfterBefore, HasPreviousPage: more || rowsAtOrBeforeAfter, totalCount, asOf);
        }

        return new KeysetPage<T>(read, HasNextPage: more || rowsAtOrAfterBefore, HasPreviousPage: rowsAtOrBeforeAfter, totalCount, asOf);
    }
}
