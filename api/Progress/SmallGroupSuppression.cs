using Actors.Contracts.Requests.Index;

namespace Actors.Api.Progress;

/// <summary>
/// Which groups of a breakdown to withhold so that no count from 1 to threshold − 1 is shown or can be worked out.
/// Primary: the small groups themselves. Secondary (as statistical offices do it): wherever a small group would be the
/// only one withheld among groups that add up to a figure shown elsewhere — the whole breakdown (the total), or a line
/// of it where all dimensions but one are fixed (what a query grouped by fewer dimensions shows) — the smallest shown
/// group of that line is withheld too, so that subtraction gives the sum of two groups, never one. Repeated until no line
/// has a single withheld group that could be isolated.
/// </summary>
public static class SmallGroupSuppression
{
    public static IReadOnlySet<int> Withheld(IReadOnlyList<RequestCountGroup> groups, IReadOnlyList<RequestDimension> dimensions, int threshold)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(dimensions);
        var withheld = new HashSet<int>(Enumerable.Range(0, groups.Count).Where(i => IsSmall(groups[i].Count, threshold)));
        if (withheld.Count == 0)
        {
            return withheld;
        }

        // The lines: the whole breakdown, then for each dimension the groups that agree on all the other dimensions.
        var lines = new List<List<int>> { Enumerable.Range(0, groups.Count).ToList() };
        if (dimensions.Count > 1)
        {
            foreach (var free in dimensions)
            {
                lines.AddRange(Enumerable.Range(0, groups.Count)
                    .GroupBy(i => string.Join('\u001f', dimensions.Where(d => d != free).Select(d => groups[i].Key.GetValueOrDefault(d) ?? "\u0000")), StringComparer.Ordinal)
                    .Select(g => g.ToList()));
            }
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(withheld.Contains) != 1)
                {
                    continue;
                }

                // The next smallest: the smallest group still shown in this line (ties: the first in order, so the choice is stable).
                var shown = line.Where(i => !withheld.Contains(i)).OrderBy(i => groups[i].Count).ThenBy(i => i).ToList();
                if (shown.Count > 0)
                {
                    withheld.Add(shown[0]);
                    changed = true;
                }
            }
        }
        while (changed);

        return withheld;
    }

    /// <summary>Whether a count is small enough to point at people (zero points at nobody).</summary>
    public static bool IsSmall(long count, int threshold) => count > 0 && count < threshold;
}
