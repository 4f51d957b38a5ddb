using Actors.Contracts.Funds;
using Actors.Grains.Funds;

namespace Actors.Tests.Funds;

[Collection(FundClusterCollection.Name)]
public sealed class FundSeedTests(FundClusterFixture fixture)
{
    [Fact]
    public async Task The_2026_fund_is_seeded_to_the_millime_with_the_unprogrammed_remainder_shown()
    {
        // Read only: the 2026 fund of this cluster is never changed by a test.
        var fund = await fixture.Grains.GetGrain<IFundGrain>(2026).Find();

        Assert.NotNull(fund);
        Assert.Equal(138_200_000_000, fund.AppropriationMillimes);
        Assert.Equal(128_200_000_000, fund.ProgrammedMillimes);
        Assert.Equal(10_000_000_000, fund.UnprogrammedMillimes);
        Assert.Equal(fund.AppropriationMillimes, fund.ProgrammedMillimes + fund.UnprogrammedMillimes);
        Assert.Equal((0L, 0L, 0L), (fund.ReservedMillimes, fund.AllocatedMillimes, fund.DisbursedMillimes));
        Assert.Equal(128_200_000_000, fund.AvailableMillimes);

        var expected = new Dictionary<FundProgrammeCode, long>
        {
            [FundProgrammeCode.Roads] = 75_000_000_000,
            [FundProgrammeCode.NewMunicipalities] = 20_000_000_000,
            [FundProgrammeCode.Markets] = 10_000_000_000,
            [FundProgrammeCode.Dumps] = 10_000_000_000,
            [FundProgrammeCode.Neighbourhoods] = 7_000_000_000,
            [FundProgrammeCode.GreenSpaces] = 5_000_000_000,
            [FundProgrammeCode.WasteSystem] = 1_200_000_000,
        };
        Assert.Equal(expected, fund.Programmes.ToDictionary(p => p.Code, p => p.AppropriationMillimes));
        Assert.All(fund.Programmes, p =>
        {
            Assert.Equal(p.AppropriationMillimes, p.InitialAppropriationMillimes);
            Assert.Equal(p.AppropriationMillimes, p.AvailableMillimes);
            Assert.False(string.IsNullOrWhiteSpace(p.NameAr));
            Assert.False(string.IsNullOrWhiteSpace(p.NameFr));
        });
        Assert.Equal(24, fund.ByGovernorate.Count);
    }

    [Fact]
    public async Task A_year_without_a_fund_does_not_exist_and_refuses_allocations()
    {
        var municipality = await fixture.Municipality(isNew: false);
        var fund = fixture.Grains.GetGrain<IFundGrain>(2025);

        Assert.Null(await fund.Find());
        await FundRefusal.Expect(Contracts.Errors.ErrorCodes.FundNotFound, () =>
            fund.Allocate(FundClusterFixture.FundManager("fm-a"), new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 1_000, null, null)));
    }

    [Fact]
    public async Task Opening_a_year_again_with_the_same_lines_changes_nothing_and_other_lines_are_refused()
    {
        var (year, fund) = await fixture.OpenFund();
        var again = await fund.Open(Contracts.Identity.Actor.System("tests"), FundSeeds.Setup2026);

        Assert.Equal(year, again.Year);
        Assert.Equal(128_200_000_000, again.ProgrammedMillimes);
        await FundRefusal.Expect(Contracts.Errors.ErrorCodes.FundAlreadyOpen, () =>
            fund.Open(Contracts.Identity.Actor.System("tests"), FundSeeds.Setup2026 with { AppropriationMillimes = 1 }));
    }
}
