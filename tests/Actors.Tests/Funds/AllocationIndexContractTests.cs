using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.ReadModels;

namespace Actors.Tests.Funds;

/// <summary>What every allocation index answers, in memory or in PostgreSQL; each test gets an empty index.</summary>
public abstract class AllocationIndexContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task The_highest_version_wins_and_replays_change_nothing()
    {
        var index = await CreateIndexAsync();
        var entry = Entry(1, 2026, FundProgrammeCode.Roads, "TUNIS", 1_000, AllocationStatus.Proposed, version: 5);

        await index.ApplyAsync([entry with { Status = AllocationStatus.Approved, Version = 7 }], TestContext.Current.CancellationToken);
        await index.ApplyAsync([entry, entry with { Status = AllocationStatus.Cancelled, Version = 7 }], TestContext.Current.CancellationToken);

        var page = await index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(2026), AllocationOrder.Default, First: 10), TestContext.Current.CancellationToken);
        Assert.Equal(AllocationStatus.Approved, Assert.Single(page.Items).Status);
    }

    [Fact]
    public async Task Filters_combine_and_keyset_pages_walk_both_ways_without_gaps()
    {
        var index = await CreateIndexAsync();
        var entries = Enumerable.Range(0, 23).Select(i => Entry(i, 2026, i % 2 == 0 ? FundProgrammeCode.Roads : FundProgrammeCode.Markets,
            i % 3 == 0 ? "SFAX" : "GABES", 1_000 * (i % 5 + 1), i % 4 == 0 ? AllocationStatus.Approved : AllocationStatus.Proposed)).ToList();
        await index.ApplyAsync([.. entries, Entry(99, 2027, FundProgrammeCode.Roads, "SFAX", 5, AllocationStatus.Approved)], TestContext.Current.CancellationToken);

        var filter = new AllocationFilter(2026, Programmes: [FundProgrammeCode.Roads], Governorates: ["SFAX"], Statuses: [AllocationStatus.Approved]);
        var expected = entries.Where(e => e.Programme == FundProgrammeCode.Roads && e.Governorate == "SFAX" && e.Status == AllocationStatus.Approved).ToList();
        var filtered = await index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(filter, AllocationOrder.Default, First: 50), TestContext.Current.CancellationToken);
        Assert.Equal(expected.Select(e => e.Id).Order(), filtered.Items.Select(e => e.Id).Order());

        var order = new AllocationOrder(AllocationSortField.Amount, Descending: true);
        var all = new AllocationFilter(2026);
        var forward = new List<AllocationIndexEntry>();
        KeysetCursor? after = null;
        KeysetPage<AllocationIndexEntry> page;
        do
        {
            page = await index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(all, order, First: 5, After: after), TestContext.Current.CancellationToken);
            forward.AddRange(page.Items);
            after = page.Items.Count > 0 ? new KeysetCursor(order.KeyOf(page.Items[^1]), page.Items[^1].Id) : null;
            Assert.Equal(23, page.TotalCount);
        }
        while (page.HasNextPage);

        Assert.Equal(23, forward.Select(e => e.Id).Distinct().Count());
        Assert.True(forward.Zip(forward.Skip(1)).All(p => p.First.AmountMillimes >= p.Second.AmountMillimes));

        var backward = new List<AllocationIndexEntry>();
        KeysetCursor? before = null;
        do
        {
            page = await index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(all, order, Last: 4, Before: before), TestContext.Current.CancellationToken);
            backward.InsertRange(0, page.Items);
            before = page.Items.Count > 0 ? new KeysetCursor(order.KeyOf(page.Items[0]), page.Items[0].Id) : null;
        }
        while (page.HasPreviousPage);

        Assert.Equal(forward.Select(e => e.Id), backward.Select(e => e.Id));
    }

    [Fact]
    public async Task Codes_sort_ordinally_and_a_foreign_cursor_is_refused()
    {
        var index = await CreateIndexAsync();
        await index.ApplyAsync([Entry(1, 2026, FundProgrammeCode.Roads, "TUNIS", 5, AllocationStatus.Proposed) with { MunicipalityCode = "b-2" },
            Entry(2, 2026, FundProgrammeCode.Roads, "TUNIS", 5, AllocationStatus.Proposed) with { MunicipalityCode = "B-10" },
            Entry(3, 2026, FundProgrammeCode.Roads, "TUNIS", 5, AllocationStatus.Proposed) with { MunicipalityCode = "A" }], TestContext.Current.CancellationToken);
        var order = new AllocationOrder(AllocationSortField.MunicipalityCode, Descending: false);

        var page = await index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(2026), order, First: 10), TestContext.Current.CancellationToken);

        Assert.Equal(["A", "B-10", "b-2"], page.Items.Select(e => e.MunicipalityCode));
        Assert.True(page.AsOf > DateTimeOffset.UtcNow.AddMinutes(-5));
        var byAmount = new AllocationOrder(AllocationSortField.Amount, Descending: false);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(2026), byAmount, First: 1, After: new KeysetCursor("B-10", Guid.Empty)), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Page_sizes_and_cursors_are_checked_before_reading()
    {
        var index = await CreateIndexAsync();
        await index.ApplyAsync([Entry(1, 2026, FundProgrammeCode.Roads, "TUNIS", 5, AllocationStatus.Proposed)], TestContext.Current.CancellationToken);
        var byAmount = new AllocationOrder(AllocationSortField.Amount, Descending: false);

        Task<KeysetPage<AllocationIndexEntry>> Query(int? first = null, KeysetCursor? after = null, int? last = null, KeysetCursor? before = null) =>
            index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(2026), byAmount, first, after, last, before),
                TestContext.Current.CancellationToken);

        Assert.Equal("first", (await Assert.ThrowsAsync<ArgumentException>(() => Query(first: 1, last: 1))).ParamName);
        Assert.Equal("last", (await Assert.ThrowsAsync<ArgumentException>(() => Query(last: -2))).ParamName);
        Assert.Equal("before", (await Assert.ThrowsAsync<ArgumentException>(() => Query(last: 1, before: new KeysetCursor("-000000000000000001", Guid.Empty)))).ParamName);
        var page = await Query(last: 5, before: new KeysetCursor(SortKeys.Of(6), Guid.Empty));
        Assert.Equal(5, Assert.Single(page.Items).AmountMillimes);
        Assert.False(page.HasNextPage);
        Assert.False(page.HasPreviousPage);
    }

    [Fact]
    public async Task Sums_follow_the_funds_rules_per_programme_and_governorate()
    {
        var index = await CreateIndexAsync();
        await index.ApplyAsync([
            Entry(1, 2026, FundProgrammeCode.Roads, "TUNIS", 1_000, AllocationStatus.Proposed) with { MunicipalityCode = "TN-1" },
            Entry(2, 2026, FundProgrammeCode.Roads, "TUNIS", 2_000, AllocationStatus.Approved) with { MunicipalityCode = "TN-1" },
            Entry(3, 2026, FundProgrammeCode.Roads, "SFAX", 4_000, AllocationStatus.PartiallyDisbursed) with { MunicipalityCode = "SF-1", DisbursedMillimes = 1_500 },
            Entry(4, 2026, FundProgrammeCode.Markets, "TUNIS", 8_000, AllocationStatus.Cancelled) with { MunicipalityCode = "TN-1", DisbursedMillimes = 300 },
            Entry(5, 2026, FundProgrammeCode.Markets, "SFAX", 16_000, AllocationStatus.Disbursed) with { MunicipalityCode = "SF-2", DisbursedMillimes = 16_000 },
            Entry(6, 2027, FundProgrammeCode.Roads, "TUNIS", 32_000, AllocationStatus.Approved)], TestContext.Current.CancellationToken);

        var none = await index.SumAsync(new AllocationFilter(2026), [], TestContext.Current.CancellationToken);
        Assert.Empty(none.Groups);
        Assert.Equal(new AllocationFigures(5, 3, 1_000, 2_000 + 4_000 + 300 + 16_000, 1_500 + 300 + 16_000), none.Totals);

        var both = await index.SumAsync(new AllocationFilter(2026), [AllocationDimension.Governorate, AllocationDimension.Programme], TestContext.Current.CancellationToken);
        Assert.Equal(
            [(FundProgrammeCode.Roads, "SFAX"), (FundProgrammeCode.Roads, "TUNIS"), (FundProgrammeCode.Markets, "SFAX"), (FundProgrammeCode.Markets, "TUNIS")],
            both.Groups.Select(g => (g.Programme!.Value, g.Governorate!)));
        Assert.Equal(new AllocationFigures(2, 1, 1_000, 2_000, 0), both.Groups[1].Figures);
        Assert.Equal(new AllocationFigures(1, 1, 0, 300, 300), both.Groups[3].Figures);
        Assert.Equal(none.Totals, both.Totals);

        var byGovernorate = await index.SumAsync(new AllocationFilter(2026), [AllocationDimension.Governorate], TestContext.Current.CancellationToken);
        Assert.Equal([null, null], byGovernorate.Groups.Select(g => g.Programme));
        Assert.Equal(new AllocationFigures(3, 1, 1_000, 2_300, 300), byGovernorate.Groups.Single(g => g.Governorate == "TUNIS").Figures);

        var roadsInSfax = await index.SumAsync(new AllocationFilter(2026, [FundProgrammeCode.Roads], ["SFAX"]), [AllocationDimension.Programme], TestContext.Current.CancellationToken);
        var group = Assert.Single(roadsInSfax.Groups);
        Assert.Null(group.Governorate);
        Assert.Equal(new AllocationFigures(1, 1, 0, 4_000, 1_500), group.Figures);
        Assert.Equal(group.Figures, roadsInSfax.Totals);

        var empty = await index.SumAsync(new AllocationFilter(2030), [AllocationDimension.Programme], TestContext.Current.CancellationToken);
        Assert.Empty(empty.Groups);
        Assert.Equal(AllocationFigures.Zero, empty.Totals);
        Assert.True(empty.AsOf > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    protected abstract Task<IAllocationIndex> CreateIndexAsync();

    private static AllocationIndexEntry Entry(int n, int year, FundProgrammeCode programme, string governorate, long millimes, AllocationStatus status, long version = 1) =>
        new(new Guid(n, 0, 0, new byte[8]), year, programme, $"M-{n:D3}", governorate, status, millimes, 0, Start.AddMinutes(n), Start.AddMinutes(n), version);
}
