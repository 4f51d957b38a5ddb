using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.ReadModels;

namespace Actors.Tests.Funds;

[Collection(FundClusterCollection.Name)]
public sealed class AllocationLifecycleTests(FundClusterFixture fixture)
{
    private static readonly Contracts.Identity.Actor Proposer = FundClusterFixture.FundManager("fm-proposer");
    private static readonly Contracts.Identity.Actor Approver = FundClusterFixture.FundManager("fm-approver");

    [Fact]
    public async Task An_allocation_goes_from_proposed_to_closed_and_every_step_moves_the_right_totals()
    {
        var (year, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false, governorate: "SFAX");

        var proposed = await fund.Allocate(Proposer, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 2_500_000_500, "Route de la corniche", null));
        Assert.Equal(AllocationStatus.Proposed, proposed.Status);
        await AssertRoads(fund, reserved: 2_500_000_500, allocated: 0, disbursed: 0);

        var approved = await fund.Perform(Approver, new AllocationCommand(proposed.Id, AllocationAction.Approve, "Dossier complet"));
        Assert.Equal(AllocationStatus.Approved, approved.Status);
        await AssertRoads(fund, reserved: 0, allocated: 2_500_000_500, disbursed: 0);

        var committed = await fund.Perform(Approver, new AllocationCommand(proposed.Id, AllocationAction.Commit, "Convention signée"));
        Assert.Equal(AllocationStatus.Committed, committed.Status);

        var partly = await fund.Disburse(Proposer, new DisbursementOrder(proposed.Id, 1_000_000_000, "Tranche 1", null));
        Assert.Equal(AllocationStatus.PartiallyDisbursed, partly.Status);
        await AssertRoads(fund, reserved: 0, allocated: 2_500_000_500, disbursed: 1_000_000_000);

        var fully = await fund.Disburse(Proposer, new DisbursementOrder(proposed.Id, 1_500_000_500, "Tranche 2", null));
        Assert.Equal(AllocationStatus.Disbursed, fully.Status);
        Assert.Equal(0, fully.UndisbursedMillimes);

        var closed = await fund.Perform(Approver, new AllocationCommand(proposed.Id, AllocationAction.Close, "Travaux réceptionnés"));
        Assert.Equal(AllocationStatus.Closed, closed.Status);
        await AssertRoads(fund, reserved: 0, allocated: 2_500_000_500, disbursed: 2_500_000_500);

        // Who, when, why of every step, in order, with the fund version each step made.
        Assert.Equal(
            [AllocationAction.Propose, AllocationAction.Approve, AllocationAction.Commit, AllocationAction.Disburse, AllocationAction.Disburse, AllocationAction.Close],
            closed.Steps.Select(s => s.Action));
        Assert.Equal(["FUND_MANAGER:fm-proposer", "FUND_MANAGER:fm-approver", "FUND_MANAGER:fm-approver", "FUND_MANAGER:fm-proposer", "FUND_MANAGER:fm-proposer", "FUND_MANAGER:fm-approver"],
            closed.Steps.Select(s => s.Actor));
        Assert.Equal(["Route de la corniche", "Dossier complet", "Convention signée", "Tranche 1", "Tranche 2", "Travaux réceptionnés"], closed.Steps.Select(s => s.Reason));
        Assert.True(closed.Steps.Zip(closed.Steps.Skip(1)).All(p => p.First.Version < p.Second.Version && p.First.At <= p.Second.At));
        Assert.Equal([1_000_000_000, 1_500_000_500], closed.Disbursements.Select(d => d.AmountMillimes));

        // A fresh activation reads back exactly what was acknowledged.
        var view = (await fund.Find())!;
        await fixture.Cluster.DeactivateAsync(fund.GetGrainId());
        var reloaded = (await fund.FindAllocation(proposed.Id))!;
        Assert.Equal((closed.Version, closed.Status, closed.DisbursedMillimes), (reloaded.Version, reloaded.Status, reloaded.DisbursedMillimes));
        Assert.Equal(closed.Steps, reloaded.Steps);
        Assert.Equal(view.Version, (await fund.Find())!.Version);
        var sfax = view.ByGovernorate.Single(g => g.Governorate == "SFAX");
        Assert.Equal((1, 2_500_000_500L, 2_500_000_500L), (sfax.AllocationCount, sfax.AllocatedMillimes, sfax.DisbursedMillimes));

        // The read model caught up with the last step (embedded mode applies events before the call returns).
        var listed = await fixture.Index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(year), AllocationOrder.Default, First: 10), TestContext.Current.CancellationToken);
        var entry = Assert.Single(listed.Items);
        Assert.Equal((proposed.Id, AllocationStatus.Closed, closed.Version), (entry.Id, entry.Status, entry.Version));
    }

    [Fact]
    public async Task Cancelling_returns_the_undisbursed_amount_to_the_programme()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var allocation = await fund.Allocate(Proposer, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 900_000, null, null));
        await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Approve, null));
        await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Commit, null));
        await fund.Disburse(Approver, new DisbursementOrder(allocation.Id, 300_000, null, null));

        await FundRefusal.Expect(ErrorCodes.ReasonRequired, () => fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Cancel, "  ")));
        var cancelled = await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Cancel, "Projet abandonné"));

        Assert.Equal(AllocationStatus.Cancelled, cancelled.Status);
        Assert.Equal(600_000, cancelled.Steps[^1].AmountMillimes);
        Assert.Equal(0, cancelled.UndisbursedMillimes);
        await AssertRoads(fund, reserved: 0, allocated: 300_000, disbursed: 300_000);
        var roads = await Roads(fund);
        Assert.Equal(75_000_000_000 - 300_000, roads.AvailableMillimes);

        // A proposal cancelled before approval frees its reservation entirely.
        var proposal = await fund.Allocate(Proposer, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 5_000, null, null));
        await fund.Perform(Approver, new AllocationCommand(proposal.Id, AllocationAction.Cancel, "Doublon"));
        await AssertRoads(fund, reserved: 0, allocated: 300_000, disbursed: 300_000);
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_and_change_nothing()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var allocation = await fund.Allocate(Proposer, new AllocationProposal(FundProgrammeCode.Markets, municipality.Code, 10_000, null, null));

        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Commit, null)));
        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.Disburse(Approver, new DisbursementOrder(allocation.Id, 1, null, null)));
        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Close, null)));
        await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Approve, null));
        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.Disburse(Approver, new DisbursementOrder(allocation.Id, 1, null, null)));
        await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Cancel, "Annulé"));
        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Commit, null)));
        await FundRefusal.Expect(ErrorCodes.NotFound, () => fund.Perform(Approver, new AllocationCommand(Guid.NewGuid(), AllocationAction.Approve, null)));

        var now = (await fund.FindAllocation(allocation.Id))!;
        Assert.Equal(3, now.Steps.Count);
        Assert.Equal(AllocationStatus.Cancelled, now.Status);
    }

    [Fact]
    public async Task The_proposer_never_approves_and_a_retried_step_is_not_taken_twice()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var allocation = await fund.Allocate(Proposer, new AllocationProposal(FundProgrammeCode.Dumps, municipality.Code, 42_000, null, null));

        // Same subject, whatever the role it signs in with.
        await FundRefusal.Expect(ErrorCodes.SegregationOfDuties, () => fund.Perform(Proposer, new AllocationCommand(allocation.Id, AllocationAction.Approve, null)));
        Assert.Equal(AllocationStatus.Proposed, (await fund.FindAllocation(allocation.Id))!.Status);

        var approved = await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Approve, null));
        var retried = await fund.Perform(Approver, new AllocationCommand(allocation.Id, AllocationAction.Approve, null));
        Assert.Equal((approved.Id, approved.Version, AllocationStatus.Approved), (retried.Id, retried.Version, retried.Status));
        Assert.Equal(2, retried.Steps.Count);

        // Someone else approving again is a real second step: refused.
        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () =>
            fund.Perform(FundClusterFixture.FundManager("fm-third"), new AllocationCommand(allocation.Id, AllocationAction.Approve, null)));
    }

    [Fact]
    public async Task Only_fund_managers_change_the_fund()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var analyst = new Contracts.Identity.Actor("analyst-1", Contracts.Identity.ActorRole.Analyst);

        await FundRefusal.Expect(ErrorCodes.NotAllowed, () => fund.Allocate(analyst, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 1_000, null, null)));
        var allocation = await fund.Allocate(Proposer, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 1_000, null, null));
        await FundRefusal.Expect(ErrorCodes.NotAllowed, () => fund.Perform(analyst, new AllocationCommand(allocation.Id, AllocationAction.Approve, null)));
    }

    private static async Task<FundProgrammeView> Roads(IFundGrain fund) =>
        (await fund.Find())!.Programmes.Single(p => p.Code == FundProgrammeCode.Roads);

    private static async Task AssertRoads(IFundGrain fund, long reserved, long allocated, long disbursed)
    {
        var view = (await fund.Find())!;
        var roads = view.Programmes.Single(p => p.Code == FundProgrammeCode.Roads);
        Assert.Equal((reserved, allocated, disbursed), (roads.ReservedMillimes, roads.AllocatedMillimes, roads.DisbursedMillimes));
        Assert.Equal(roads.AppropriationMillimes - reserved - allocated, roads.AvailableMillimes);
        Assert.Equal(view.ProgrammedMillimes - view.ReservedMillimes - view.AllocatedMillimes, view.AvailableMillimes);
        Assert.Equal(view.AppropriationMillimes, view.ProgrammedMillimes + view.UnprogrammedMillimes);
    }
}
