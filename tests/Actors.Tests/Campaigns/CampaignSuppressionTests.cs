using Actors.Api.Campaigns;
using Actors.Contracts.Campaigns;

namespace Actors.Tests.Campaigns;

/// <summary>The small-count rule on a campaign's figures: what is withheld, and that no withheld count can be worked out by subtraction.</summary>
public sealed class CampaignSuppressionTests
{
    [Fact]
    public void A_small_school_is_withheld_with_the_next_smallest_of_its_governorate_and_the_rest_is_shown()
    {
        var schools = new[] { new CampaignSchool("A", "A", "TUNIS", 10), new CampaignSchool("B", "B", "TUNIS", 10), new CampaignSchool("C", "C", "SFAX", 10) };
        var progress = Progress(schools, new() { ["A"] = 2, ["B"] = 7, ["C"] = 6 });

        var shown = CampaignSuppression.Apply(progress, schools, threshold: 5);

        Assert.Equal([null, null, 6], shown.BySchool.Select(s => s.Figures.Invited));
        Assert.Equal([true, true, false], shown.BySchool.Select(s => s.Figures.Suppressed));
        Assert.Equal([6, 9], shown.ByGovernorate.Select(g => g.Figures.Invited));
        Assert.Equal(15, shown.Total.Invited);
        Assert.Equal(10, shown.BySchool[0].Figures.Target);
        Assert.Equal(0, shown.BySchool[0].Figures.Delivered);

        var exact = CampaignSuppression.Apply(progress, schools, threshold: 0);
        Assert.Equal([2, 7, 6], exact.BySchool.Select(s => s.Figures.Invited));
        Assert.All(exact.BySchool, s => Assert.False(s.Figures.Suppressed));
    }

    [Fact]
    public void A_governorate_withheld_takes_another_governorate_and_one_of_its_own_schools_with_it()
    {
        // SFAX (3) is small; its one school too. TUNIS's schools are all large: withholding the governorate TUNIS as the
        // second one of the total's line would give it away through its schools, so one of them goes too.
        var schools = new[]
        {
            new CampaignSchool("A", "A", "TUNIS", 10), new CampaignSchool("B", "B", "TUNIS", 10), new CampaignSchool("C", "C", "SFAX", 10),
            new CampaignSchool("D", "D", "SOUSSE", 10), new CampaignSchool("E", "E", "SOUSSE", 10),
        };
        var progress = Progress(schools, new() { ["A"] = 8, ["B"] = 9, ["C"] = 3, ["D"] = 20, ["E"] = 30 });

        var shown = CampaignSuppression.Apply(progress, schools, threshold: 5);

        Assert.Null(shown.ByGovernorate.Single(g => g.Key == "SFAX").Figures.Invited);
        Assert.Null(shown.BySchool.Single(s => s.Key == "C").Figures.Invited);
        Assert.Equal(2, shown.ByGovernorate.Count(g => g.Figures.Invited is null));
        NoSumGivesOneAway(shown, schools);
    }

    [Fact]
    public void Whatever_the_counts_no_small_count_is_shown_and_no_sum_has_a_single_withheld_cell()
    {
        var random = new Random(20261130);
        var governorates = new[] { "TUNIS", "SFAX", "SOUSSE", "GABES" };
        for (var round = 0; round < 300; round++)
        {
            var schools = Enumerable.Range(0, random.Next(1, 9))
                .Select(i => new CampaignSchool($"S{i}", $"S{i}", governorates[random.Next(governorates.Length)], 10)).ToArray();
            var invited = schools.ToDictionary(s => s.Code, _ => random.Next(0, 4) == 0 ? random.Next(0, 5) : random.Next(0, 40));
            var progress = Progress(schools, invited);

            var shown = CampaignSuppression.Apply(progress, schools, threshold: 5);

            foreach (var (exact, visible) in Cells(progress, shown))
            {
                Assert.False(visible is > 0 and < 5, $"round {round}: {visible} shown");
                Assert.True(visible is null || visible == exact);
            }

            NoSumGivesOneAway(shown, schools);
        }
    }

    /// <summary>Each sum (the total over governorates, over schools; each governorate over its schools) has zero or at least two withheld cells.</summary>
    private static void NoSumGivesOneAway(CampaignProgressFigures shown, IReadOnlyList<CampaignSchool> schools)
    {
        List<List<int?>> sums =
        [
            [shown.Total.Invited, .. shown.ByGovernorate.Select(g => g.Figures.Invited)],
            [shown.Total.Invited, .. shown.BySchool.Select(s => s.Figures.Invited)],
        ];
        sums.AddRange(shown.ByGovernorate.Select(g => (List<int?>)[g.Figures.Invited, .. shown.BySchool
            .Where(s => schools.Single(x => x.Code == s.Key).Governorate == g.Key).Select(s => s.Figures.Invited)]));
        foreach (var (sum, index) in sums.Select((s, i) => (s, i)))
        {
            Assert.True(sum.Count(v => v is null) != 1, $"sum {index} gives one cell away");
        }
    }

    private static IEnumerable<(int Exact, int? Shown)> Cells(CampaignProgress progress, CampaignProgressFigures shown) =>
    [
        (progress.Total.Invited, shown.Total.Invited),
        .. progress.ByGovernorate.Zip(shown.ByGovernorate, (e, s) => (e.Counts.Invited, s.Figures.Invited)),
        .. progress.BySchool.Zip(shown.BySchool, (e, s) => (e.Counts.Invited, s.Figures.Invited)),
    ];

    /// <summary>Progress as the campaign grain builds it: schools by code, governorates summed from them, the total from the schools.</summary>
    private static CampaignProgress Progress(IReadOnlyList<CampaignSchool> schools, Dictionary<string, int> invited)
    {
        var bySchool = schools.OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new CampaignGroupCounts(s.Code, CampaignCounts.Zero with { Target = s.Target, Invited = invited[s.Code] })).ToList();
        var byGovernorate = schools.GroupBy(s => s.Governorate).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CampaignGroupCounts(g.Key, bySchool.Where(s => g.Any(x => x.Code == s.Key)).Aggregate(CampaignCounts.Zero, (sum, s) => sum.Plus(s.Counts))))
            .ToList();
        return new CampaignProgress(bySchool.Aggregate(CampaignCounts.Zero, (sum, s) => sum.Plus(s.Counts)), bySchool, byGovernorate);
    }
}
