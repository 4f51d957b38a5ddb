using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;

namespace Actors.Tests.Funds;

[Collection(FundClusterCollection.Name)]
public sealed class FundAmendmentTests(FundClusterFixture fixture)
{
    private static readonly Actor Proposer = FundClusterFixture.FundManager("fm-amend-1");
    private static readonly Actor Approver = FundClusterFixture.FundManager("fm-amend-2");

    [Fact]
    public async Task Programming_part_of_the_unprogrammed_remainder_needs_a_second_fund_manager_and_keeps_the_books_balanced()
    {
        var (year, fund) = await fixture.OpenFund();
        var proposal = new AmendmentProposal(null, FundProgrammeCode.Roads, 2_000_000_000, "Loi de finances complémentaire", null);

        var proposed = await fund.ProposeAmendment(Proposer, proposal);
        Assert.Equal(AmendmentStatus.Proposed, proposed.Status);
        var before = (await fund.Find())!;
        Assert.Equal(10_000_000_000, before.UnprogrammedMillimes);

        await FundRefusal.Expect(ErrorCodes.SegregationOfDuties, () => fund.DecideAmendment(Proposer, new AmendmentDecision(proposed.Id, Approve: true, null)));
        var approved = await fund.DecideAmendment(Approver, new AmendmentDecision(proposed.Id, Approve: true, "Vu"));

        Assert.Equal((AmendmentStatus.Approved, "FUND_MANAGER:fm-amend-2", "Vu"), (approved.Status, approved.DecidedBy, approved.DecisionReason));
        var after = (await fund.Find())!;
        Assert.Equal(138_200_000_000, after.AppropriationMillimes);
        Assert.Equal(130_200_000_000, after.ProgrammedMillimes);
        Assert.Equal(8_000_000_000, after.UnprogrammedMillimes);
        Assert.Equal(after.AppropriationMillimes, after.ProgrammedMillimes + after.UnprogrammedMillimes);
        var roads = after.Programmes.Single(p => p.Code == FundProgrammeCode.Roads);
        Assert.Equal((75_000_000_000L, 77_000_000_000L), (roads.InitialAppropriationMillimes, roads.AppropriationMillimes));

        // The amendment register is fed by the fund's amendment events (embedded mode: before the call returns).
        var listed = Assert.Single(await fixture.Grains.GetGrain<IAmendmentRegisterGrain>(year).List());
        Assert.Equal((approved.Id, AmendmentStatus.Approved, approved.Version), (listed.Id, listed.Status, listed.Version));
        Assert.Equal(approved, await fund.FindAmendment(approved.Id));

        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.DecideAmendment(FundClusterFixture.FundManager("fm-amend-3"), new AmendmentDecision(proposed.Id, Approve: true, null)));
    }

    [Fact]
    public async Task Amendments_never_take_more_than_is_free_at_proposal_or_at_approval()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);

        await FundRefusal.Expect(ErrorCodes.UnprogrammedExceeded, () =>
            fund.ProposeAmendment(Proposer, new AmendmentProposal(null, FundProgrammeCode.Dumps, 10_000_000_001, "Trop", null)));
        await FundRefusal.Expect(ErrorCodes.AppropriationExceeded, () =>
            fund.ProposeAmendment(Proposer, new AmendmentProposal(FundProgrammeCode.WasteSystem, null, 1_200_000_001, "Trop", null)));
        await FundRefusal.Expect(ErrorCodes.ReasonRequired, () =>
            fund.ProposeAmendment(Proposer, new AmendmentProposal(null, FundProgrammeCode.Dumps, 1, " ", null)));
        await FundRefusal.Expect(ErrorCodes.ValidationFailed, () =>
            fund.ProposeAmendment(Proposer, new AmendmentProposal(FundProgrammeCode.Dumps, FundProgrammeCode.Dumps, 1, "Rien", null)));
        await FundRefusal.Expect(ErrorCodes.ValidationFailed, () =>
            fund.ProposeAmendment(Proposer, new AmendmentProposal(null, null, 1, "Rien", null)));

        // Move 5 MD from DUMPS to MARKETS; meanwhile DUMPS gets 8 MD of allocations: the approval sees it.
        var move = await fund.ProposeAmendment(Proposer, new AmendmentProposal(FundProgrammeCode.Dumps, FundProgrammeCode.Markets, 5_000_000_000, "Priorité marchés", null));
        await fund.Allocate(Proposer, new AllocationProposal(FundProgrammeCode.Dumps, municipality.Code, 8_000_000_000, null, null));
        await FundRefusal.Expect(ErrorCodes.AppropriationExceeded, () => fund.DecideAmendment(Approver, new AmendmentDecision(move.Id, Approve: true, null)));

        await FundRefusal.Expect(ErrorCodes.ReasonRequired, () => fund.DecideAmendment(Approver, new AmendmentDecision(move.Id, Approve: false, null)));
        var rejected = await fund.DecideAmendment(Approver, new AmendmentDecision(move.Id, Approve: false, "Décharges prioritaires"));
        Assert.Equal(AmendmentStatus.Rejected, rejected.Status);

        var view = (await fund.Find())!;
        Assert.Equal(10_000_000_000, view.Programmes.Single(p => p.Code == FundProgrammeCode.Dumps).AppropriationMillimes);
        Assert.Equal(view.AppropriationMillimes, view.ProgrammedMillimes + view.UnprogrammedMillimes);
    }

    [Fact]
    public async Task Handing_appropriation_back_to_unprogrammed_keeps_appropriation_equal_to_programmed_plus_unprogrammed()
    {
        var (_, fund) = await fixture.OpenFund();
        var steps = new (FundProgrammeCode? From, FundProgrammeCode? To, long Millimes)[]
        {
            (null, FundProgrammeCode.GreenSpaces, 3_000_000_000),
            (FundProgrammeCode.GreenSpaces, FundProgrammeCode.WasteSystem, 1_000_000_000),
            (FundProgrammeCode.Roads, null, 4_000_000_000),
            (null, FundProgrammeCode.NewMunicipalities, 11_000_000_000),
        };
        foreach (var (from, to, millimes) in steps)
        {
            var amendment = await fund.ProposeAmendment(Proposer, new AmendmentProposal(from, to, millimes, "Ajustement", null));
            await fund.DecideAmendment(Approver, new AmendmentDecision(amendment.Id, Approve: true, null));
            var view = (await fund.Find())!;
            Assert.Equal(138_200_000_000, view.AppropriationMillimes);
            Assert.Equal(view.AppropriationMillimes, view.ProgrammedMillimes + view.UnprogrammedMillimes);
        }

        var final = (await fund.Find())!;
        Assert.Equal(0, final.UnprogrammedMillimes);
        Assert.Equal(138_200_000_000, final.ProgrammedMillimes);
        Assert.Equal(31_000_000_000, final.Programmes.Single(p => p.Code == FundProgrammeCode.NewMunicipalities).AppropriationMillimes);
        await FundRefusal.Expect(ErrorCodes.UnprogrammedExceeded, () => fund.ProposeAmendment(Proposer, new AmendmentProposal(null, FundProgrammeCode.Roads, 1, "Plus rien", null)));
    }
}
