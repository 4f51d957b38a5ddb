using Actors.Api.Progress;
using Actors.Contracts.Campaigns;

namespace Actors.Api.Campaigns;

/// <summary>
/// Withholds a campaign's small pupil counts from those who follow it without running it, by the rule of
/// <see cref="SmallGroupSuppression"/>: each count from 1 to threshold − 1 is withheld, and then, wherever one withheld
/// count could be worked out from a sum that is shown, another one of that sum is withheld too. A campaign's figures
/// are tied by three kinds of sums: each governorate is the sum of its schools, the total the sum of the governorates,
/// and the total the sum of the schools. Each milestone (invited, started, ...) is a table of its own.
/// </summary>
public static class CampaignSuppression
{
    private static readonly Func<CampaignCounts, int>[] Milestones =
        [c => c.Invited, c => c.Started, c => c.Paid, c => c.Booked, c => c.BiometricsTaken, c => c.Delivered];

    public static CampaignProgressFigures Apply(CampaignProgress progress, IReadOnlyList<CampaignSchool> schools, int threshold)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(schools);

        // Cells: the total, then the governorates, then the schools, each sum listed with its parts (the sum first).
        var governorates = progress.ByGovernorate;
        var bySchool = progress.BySchool;
        var cells = new List<CampaignCounts> { progress.Total };
        cells.AddRange(governorates.Select(g => g.Counts));
        cells.AddRange(bySchool.Select(s => s.Counts));
        var firstSchool = 1 + governorates.Count;
        var governorateOf = schools.ToDictionary(s => s.Code, s => s.Governorate, StringComparer.Ordinal);
        // Innermost first: a school's partner is best found among the schools of its own governorate.
        var sums = new List<IReadOnlyList<int>>();
        for (var g = 0; g < governorates.Count; g++)
        {
            var code = governorates[g].Key;
            sums.Add((List<int>)[1 + g, .. Enumerable.Range(0, bySchool.Count)
                .Where(s => governorateOf.GetValueOrDefault(bySchool[s].Key, "UNKNOWN") == code)
                .Select(s => firstSchool + s)]);
        }

        sums.Add((List<int>)[0, .. Enumerable.Range(firstSchool, bySchool.Count)]);
        sums.Add(Enumerable.Range(0, firstSchool).ToList());

        var withheld = Milestones.Select(milestone => Withheld(cells.Select(milestone).ToList(), sums, threshold)).ToList();
        CampaignFigures Figures(int cell)
        {
            var counts = cells[cell];
            int? Shown(int m) => withheld[m].Contains(cell) ? null : Milestones[m](counts);
            return new CampaignFigures(counts.Target, Shown(0), Shown(1), Shown(2), Shown(3), Shown(4), Shown(5));
        }

        return new CampaignProgressFigures(
            Figures(0),
            bySchool.Select((s, i) => new CampaignGroupFigures(s.Key, Figures(firstSchool + i))).ToList(),
            governorates.Select((g, i) => new CampaignGroupFigures(g.Key, Figures(1 + i))).ToList(),
            threshold);
    }

    /// <summary>
    /// The cells of one table to withhold. A sum (its cell first, then its parts) with exactly one withheld cell gives
    /// that cell away by subtraction: the smallest count still shown among its parts is withheld too (a non-zero one
    /// first, since withholding a zero beside a small count hides little), or the sum itself when every part is
    /// withheld. The sums are checked in the order given, from the first again after each change, so that earlier
    /// (narrower) sums pick the partners. Repeated until no sum has a single withheld cell.
    /// </summary>
    public static IReadOnlySet<int> Withheld(IReadOnlyList<int> values, IReadOnlyList<IReadOnlyList<int>> sums, int threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(sums);
        var withheld = new HashSet<int>(Enumerable.Range(0, values.Count).Where(i => SmallGroupSuppression.IsSmall(values[i], threshold)));
        while (sums.FirstOrDefault(sum => sum.Count > 1 && sum.Count(withheld.Contains) == 1) is { } giveaway)
        {
            var next = giveaway.Skip(1).Where(i => !withheld.Contains(i))
                .OrderBy(i => values[i] == 0 ? 1 : 0).ThenBy(i => values[i]).ThenBy(i => i)
                .Select(i => (int?)i).FirstOrDefault() ?? giveaway[0];
            withheld.Add(next);
        }

        return withheld;
    }
}
