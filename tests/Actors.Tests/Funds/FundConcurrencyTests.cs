using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.ReadModels;

namespace Actors.Tests.Funds;

[Collection(FundClusterCollection.Name)]
public sealed class FundConcurrencyTests(FundClusterFixture fixture)
{
    [Fact]
    public async Task Hundreds_of_parallel_allocations_racing_for_the_last_dinars_never_overdraw_and_every_accepted_one_is_listed()
    {
        var (year, fund) = await fixture.OpenFund();
        var municipalities = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.Municipality(isNew: false, governorate: i % 2 == 0 ? "GAFSA" : "TOZEUR")));

        // DUMPS (10 MD) is taken down to its last 1,000 dinars.
        var big = await fund.Allocate(FundClusterFixture.FundManager("fm-setup"),
            new AllocationProposal(FundProgrammeCode.Dumps, municipalities[0].Code, 10_000_000_000 - 1_000_000, null, null));
        const long last = 1_000_000;
        const long each = 7_000;

        var attempts = Enumerable.Range(0, 300).Select(async i =>
        {
            try
            {
                var allocation = await fund.Allocate(FundClusterFixture.FundManager($"fm-race-{i % 10}"),
                    new AllocationProposal(FundProgrammeCode.Dumps, municipalities[i % municipalities.Length].Code, each, $"race {i}", $"race-{i}"));
                return (Allocation?)allocation;
            }
            catch (DomainException refused) when (refused.Error.Code == ErrorCodes.AppropriationExceeded)
            {
                return null;
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);
        var accepted = results.Where(a => a is not null).Select(a => a!).ToList();

        // One grain serves them one at a time: exactly as many as fit are accepted, and no more.
        Assert.Equal((int)(last / each), accepted.Count);
        Assert.True(accepted.Sum(a => a.AmountMillimes) <= last);
        Assert.Equal(accepted.Count, accepted.Select(a => a.Id).Distinct().Count());

        var dumps = (await fund.Find())!.Programmes.Single(p => p.Code == FundProgrammeCode.Dumps);
        Assert.Equal(big.AmountMillimes + accepted.Sum(a => a.AmountMillimes), dumps.ReservedMillimes);
        Assert.Equal(last % each, dumps.AvailableMillimes);
        Assert.True(dumps.ReservedMillimes + dumps.AllocatedMillimes <= dumps.AppropriationMillimes);

        // Every accepted allocation is in the fund and in the index, exactly once, paging 50 at a time.
        var found = await fund.GetAllocations(accepted.Select(a => a.Id).ToList());
        Assert.Equal(accepted.Count, found.Count);
        var listed = await ListAll(year, FundProgrammeCode.Dumps);
        Assert.Equal(accepted.Select(a => a.Id).Append(big.Id).Order(), listed.Order());
    }

    [Fact]
    public async Task Parallel_allocations_of_random_amounts_and_approvals_keep_the_books_exact()
    {
        var (year, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false, governorate: "KEBILI");
        var random = new Random(2026);
        var amounts = Enumerable.Range(0, 200).Select(_ => (long)random.Next(1, 20_000_001)).ToList();
        const long appropriation = 1_200_000_000;

        var results = await Task.WhenAll(amounts.Select(async (millimes, i) =>
        {
            try
            {
                var allocation = await fund.Allocate(FundClusterFixture.FundManager("fm-random-a"),
                    new AllocationProposal(FundProgrammeCode.WasteSystem, municipality.Code, millimes, null, null));
                // Half of them are approved at once, racing with the other proposals.
                return i % 2 == 0
                    ? await fund.Perform(FundClusterFixture.FundManager("fm-random-b"), new AllocationCommand(allocation.Id, AllocationAction.Approve, null))
                    : allocation;
            }
            catch (DomainException refused) when (refused.Error.Code == ErrorCodes.AppropriationExceeded)
            {
                return null;
            }
        }));
        var accepted = results.OfType<Allocation>().ToList();

        var waste = (await fund.Find())!.Programmes.Single(p => p.Code == FundProgrammeCode.WasteSystem);
        Assert.True(accepted.Count > 0 && accepted.Count < amounts.Count);
        Assert.Equal(accepted.Sum(a => a.AmountMillimes), waste.ReservedMillimes + waste.AllocatedMillimes);
        Assert.True(waste.ReservedMillimes + waste.AllocatedMillimes <= appropriation);
        Assert.Equal(appropriation - waste.ReservedMillimes - waste.AllocatedMillimes, waste.AvailableMillimes);
        Assert.Equal(accepted.Select(a => a.Id).Order(), (await ListAll(year, FundProgrammeCode.WasteSystem)).Order());
    }

    private async Task<List<Guid>> ListAll(int year, FundProgrammeCode programme)
    {
        var ids = new List<Guid>();
        var order = new AllocationOrder(AllocationSortField.Amount, Descending: false);
        KeysetCursor? after = null;
        while (true)
        {
            var page = await fixture.Index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(year, Programmes: [programme]), order, First: 50, After: after), TestContext.Current.CancellationToken);
            ids.AddRange(page.Items.Select(e => e.Id));
            if (!page.HasNextPage)
            {
                Assert.Equal(page.TotalCount, ids.Count);
                return ids;
            }

            after = new KeysetCursor(order.KeyOf(page.Items[^1]), page.Items[^1].Id);
        }
    }
}
