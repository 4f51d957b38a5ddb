using Actors.Api.Progress;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Progress;

/// <summary>Primary and secondary suppression: no count under the threshold is shown or can be worked out by subtraction.</summary>
public sealed class SmallGroupSuppressionTests
{
    private const int Threshold = 5;

    [Fact]
    public void NothingIsWithheldWhenEveryGroupIsLargeEnough()
    {
        var groups = Groups(("A", 5), ("B", 40));

        Assert.Empty(SmallGroupSuppression.Withheld(groups, [RequestDimension.Status], Threshold));
    }

    [Fact]
    public void ASingleSmallGroupTakesTheNextSmallestWithIt()
    {
        // Total 3 + 9 + 20 + 50 = 82 is shown: hiding only the 3 would let 82 − 9 − 20 − 50 give it back.
        var groups = Groups(("A", 20), ("B", 3), ("C", 9), ("D", 50));

        var withheld = SmallGroupSuppression.Withheld(groups, [RequestDimension.Status], Threshold);

        Assert.Equal([1, 2], withheld.Order());
    }

    [Fact]
    public void TwoSmallGroupsNeedNoMore()
    {
        var groups = Groups(("A", 20), ("B", 3), ("C", 1), ("D", 50));

        Assert.Equal([1, 2], SmallGroupSuppression.Withheld(groups, [RequestDimension.Status], Threshold).Order());
    }

    [Fact]
    public void ThresholdZeroWithholdsNothing()
    {
        Assert.Empty(SmallGroupSuppression.Withheld(Groups(("A", 1), ("B", 2)), [RequestDimension.Status], 0));
    }

    [Fact]
    public void InATableEachRowAndColumnHidesAtLeastTwoCells()
    {
        // Governorate × status. The margins (a query grouped by one dimension) show the row and column totals, so a
        // single withheld cell in a row or a column could be worked out from them.
        var groups = new List<RequestCountGroup>
        {
            Cell("SFAX", "Paid", 2), Cell("SFAX", "Submitted", 30), Cell("SFAX", "Verifying", 12),
            Cell("TUNIS", "Paid", 40), Cell("TUNIS", "Submitted", 25), Cell("TUNIS", "Verifying", 8),
        };
        RequestDimension[] dimensions = [RequestDimension.Governorate, RequestDimension.Status];

        var withheld = SmallGroupSuppression.Withheld(groups, dimensions, Threshold);

        Assert.Contains(0, withheld);
        foreach (var line in Lines(groups, dimensions))
        {
            var hidden = line.Count(withheld.Contains);
            Assert.True(hidden != 1, $"a line with one withheld cell: {string.Join(", ", line)}");
        }

        var shownOfTheSmall = groups.Where((g, i) => g.Count < Threshold && !withheld.Contains(i));
        Assert.Empty(shownOfTheSmall);
    }

    private static IEnumerable<List<int>> Lines(List<RequestCountGroup> groups, RequestDimension[] dimensions) =>
        dimensions.SelectMany(free => Enumerable.Range(0, groups.Count)
                .GroupBy(i => string.Join("|", dimensions.Where(d => d != free).Select(d => groups[i].Key[d])))
                .Select(g => g.ToList()))
            .Append([.. Enumerable.Range(0, groups.Count)]);

    private static RequestCountGroup Cell(string governorate, string status, long count) =>
        new(new Dictionary<RequestDimension, string?> { [RequestDimension.Governorate] = governorate, [RequestDimension.Status] = status }, count);

    private static List<RequestCountGroup> Groups(params (string Status, long Count)[] groups) =>
        [.. groups.Select(g => new RequestCountGroup(new Dictionary<RequestDimension, string?> { [RequestDimension.Status] = g.Status }, g.Count))];
}
