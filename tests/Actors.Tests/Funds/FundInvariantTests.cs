using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.ReadModels;
using Orleans.TestingHost;

namespace Actors.Tests.Funds;

[Collection(FundClusterCollection.Name)]
public sealed class FundInvariantTests(FundClusterFixture fixture)
{
    private static readonly Actor Manager = FundClusterFixture.FundManager("fm-inv-1");
    private static readonly Actor OtherManager = FundClusterFixture.FundManager("fm-inv-2");

    [Fact]
    public async Task A_programme_is_never_allocated_beyond_its_appropriation_reservations_included()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);

        // WASTE_SYSTEM has 1.2 MD: a proposal reserves, so a second one sees only the rest.
        var first = await fund.Allocate(Manager, Proposal(FundProgrammeCode.WasteSystem, municipality, 1_000_000_000));
        var refused = await FundRefusal.Expect(ErrorCodes.AppropriationExceeded, () =>
            fund.Allocate(Manager, Proposal(FundProgrammeCode.WasteSystem, municipality, 200_000_001)));
        Assert.Equal("200000.000", refused.Parameters["availableDinars"]);
        Assert.Equal("200000.001", refused.Parameters["requestedDinars"]);
        Assert.Equal("WASTE_SYSTEM", refused.Parameters["programme"]);
        Assert.Equal("Programme WASTE_SYSTEM has 200000.000 dinars available; 200000.001 asked.", refused.Message);

        var last = await fund.Allocate(Manager, Proposal(FundProgrammeCode.WasteSystem, municipality, 200_000_000));
        await FundRefusal.Expect(ErrorCodes.AppropriationExceeded, () => fund.Allocate(Manager, Proposal(FundProgrammeCode.WasteSystem, municipality, 1)));

        // Approval moves reserved to allocated without freeing anything; cancellation frees.
        await fund.Perform(OtherManager, new AllocationCommand(first.Id, AllocationAction.Approve, null));
        await FundRefusal.Expect(ErrorCodes.AppropriationExceeded, () => fund.Allocate(Manager, Proposal(FundProgrammeCode.WasteSystem, municipality, 1)));
        await fund.Perform(OtherManager, new AllocationCommand(last.Id, AllocationAction.Cancel, "Reprogrammé"));
        await fund.Allocate(Manager, Proposal(FundProgrammeCode.WasteSystem, municipality, 200_000_000));

        var waste = (await fund.Find())!.Programmes.Single(p => p.Code == FundProgrammeCode.WasteSystem);
        Assert.Equal((200_000_000L, 1_000_000_000L, 0L), (waste.ReservedMillimes, waste.AllocatedMillimes, waste.AvailableMillimes));
    }

    [Fact]
    public async Task New_municipalities_aid_goes_only_to_new_municipalities_also_at_approval()
    {
        var (_, fund) = await fixture.OpenFund();
        var old = await fixture.Municipality(isNew: false);
        var young = await fixture.Municipality(isNew: true);

        await FundRefusal.Expect(ErrorCodes.NotANewMunicipality, () => fund.Allocate(Manager, Proposal(FundProgrammeCode.NewMunicipalities, old, 50_000)));
        var allocation = await fund.Allocate(Manager, Proposal(FundProgrammeCode.NewMunicipalities, young, 50_000));
        await fund.Allocate(Manager, Proposal(FundProgrammeCode.Roads, old, 50_000));

        // The registry is corrected between proposal and approval: the approval checks again.
        await fixture.Registry.Import(Actor.System("tests"), [new MunicipalityImportRow(2, young.Code, young.NameAr, young.NameFr, young.Governorate, IsNew: false, IsDemo: false)], "tests");
        await FundRefusal.Expect(ErrorCodes.NotANewMunicipality, () => fund.Perform(OtherManager, new AllocationCommand(allocation.Id, AllocationAction.Approve, null)));
        Assert.Equal(AllocationStatus.Proposed, (await fund.FindAllocation(allocation.Id))!.Status);
    }

    [Fact]
    public async Task Disbursements_never_exceed_the_allocation()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var allocation = await fund.Allocate(Manager, Proposal(FundProgrammeCode.Neighbourhoods, municipality, 10_000));
        await fund.Perform(OtherManager, new AllocationCommand(allocation.Id, AllocationAction.Approve, null));
        await fund.Perform(OtherManager, new AllocationCommand(allocation.Id, AllocationAction.Commit, null));

        var refused = await FundRefusal.Expect(ErrorCodes.DisbursementExceedsAllocation, () => fund.Disburse(Manager, new DisbursementOrder(allocation.Id, 10_001, null, null)));
        Assert.Equal(("10.000", "10.001"), (refused.Parameters["remainingDinars"], refused.Parameters["requestedDinars"]));
        await fund.Disburse(Manager, new DisbursementOrder(allocation.Id, 9_999, null, null));
        await FundRefusal.Expect(ErrorCodes.DisbursementExceedsAllocation, () => fund.Disburse(Manager, new DisbursementOrder(allocation.Id, 2, null, null)));
        var done = await fund.Disburse(Manager, new DisbursementOrder(allocation.Id, 1, null, null));

        Assert.Equal((AllocationStatus.Disbursed, 10_000L), (done.Status, done.DisbursedMillimes));
        await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.Disburse(Manager, new DisbursementOrder(allocation.Id, 1, null, null)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task Amounts_are_positive(long millimes)
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);

        var refused = await FundRefusal.Expect(ErrorCodes.ValidationFailed, () => fund.Allocate(Manager, Proposal(FundProgrammeCode.Roads, municipality, millimes)));
        Assert.Equal("amount", refused.Parameters["field"]);
        Assert.Equal(0, (await fund.Find())!.AllocationCount);
    }

    [Fact]
    public async Task Unknown_programmes_and_municipalities_are_refused()
    {
        var roadsOnly = new FundSetup(1_000_000, [new FundProgrammeLine(FundProgrammeCode.Roads, "طرقات", "Routes", 600_000, 600_000)], "tests");
        var (_, fund) = await fixture.OpenFund(roadsOnly);
        var municipality = await fixture.Municipality(isNew: false);

        Assert.Equal(400_000, (await fund.Find())!.UnprogrammedMillimes);
        await FundRefusal.Expect(ErrorCodes.ProgrammeNotFound, () => fund.Allocate(Manager, Proposal(FundProgrammeCode.Markets, municipality, 1_000)));
        var error = await FundRefusal.Expect(ErrorCodes.MunicipalityNotFound, () =>
            fund.Allocate(Manager, new AllocationProposal(FundProgrammeCode.Roads, "NO-SUCH-PLACE", 1_000, null, null)));
        Assert.Equal("NO-SUCH-PLACE", error.Parameters["municipalityCode"]);
        await FundRefusal.Expect(ErrorCodes.ValidationFailed, () =>
            fund.Allocate(Manager, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 1_000, new string('x', 501), null)));
    }

    [Fact]
    public async Task Idempotency_keys_give_the_same_result_to_the_same_caller_and_refuse_other_input()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var proposal = new AllocationProposal(FundProgrammeCode.Markets, municipality.Code, 70_000, "Marché couvert", "key-1");

        var first = await fund.Allocate(Manager, proposal);
        var again = await fund.Allocate(Manager, proposal);
        Assert.Equal((first.Id, first.Version), (again.Id, again.Version));
        Assert.Equal(70_000, (await fund.Find())!.ReservedMillimes);

        await FundRefusal.Expect(ErrorCodes.IdempotencyKeyReused, () => fund.Allocate(Manager, proposal with { AmountMillimes = 70_001 }));

        // Keys are per caller: another fund manager's "key-1" is another allocation.
        var others = await fund.Allocate(OtherManager, proposal);
        Assert.NotEqual(first.Id, others.Id);

        await fund.Perform(OtherManager, new AllocationCommand(first.Id, AllocationAction.Approve, null));
        await fund.Perform(OtherManager, new AllocationCommand(first.Id, AllocationAction.Commit, null));
        var tranche = new DisbursementOrder(first.Id, 20_000, "OP 17", "tranche-1");
        await fund.Disburse(Manager, tranche);
        var retried = await fund.Disburse(Manager, tranche);
        Assert.Equal(20_000, retried.DisbursedMillimes);
        Assert.Single(retried.Disbursements);
        await FundRefusal.Expect(ErrorCodes.IdempotencyKeyReused, () => fund.Disburse(Manager, tranche with { AmountMillimes = 1 }));
        await FundRefusal.Expect(ErrorCodes.IdempotencyKeyReused, () =>
            fund.Allocate(Manager, proposal with { IdempotencyKey = "tranche-1" }));
    }

    [Fact]
    public async Task A_failed_write_is_not_acknowledged_and_leaves_neither_state_nor_index_changed()
    {
        var (year, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var kept = await fund.Allocate(Manager, Proposal(FundProgrammeCode.Roads, municipality, 1_000));

        // The fault grain is keyed by the state name the storage writes under.
        var faults = fixture.Grains.GetGrain<IStorageFaultGrain>(StorageNames.FundState);
        await faults.AddFaultOnWrite(fund.GetGrainId(), new InvalidOperationException("disk full (injected)"));
        // Orleans reports a failed storage write as its own exception, with the provider's as the inner one.
        var failed = await Assert.ThrowsAsync<OrleansException>(() => fund.Allocate(Manager, Proposal(FundProgrammeCode.Roads, municipality, 5_000)));
        Assert.Equal("disk full (injected)", Assert.IsType<InvalidOperationException>(failed.InnerException).Message);

        var after = (await fund.Find())!;
        Assert.Equal((1, 1_000L), (after.AllocationCount, after.ReservedMillimes));
        await fixture.Cluster.DeactivateAsync(fund.GetGrainId());
        var stored = (await fund.Find())!;
        Assert.Equal((after.Version, 1, 1_000L), (stored.Version, stored.AllocationCount, stored.ReservedMillimes));
        var listed = await fixture.Index.QueryAsync(new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(year), AllocationOrder.Default, First: 10), TestContext.Current.CancellationToken);
        Assert.Equal([kept.Id], listed.Items.Select(e => e.Id));

        // The fault was one-shot: the same proposal now goes through, once.
        await fund.Allocate(Manager, Proposal(FundProgrammeCode.Roads, municipality, 5_000));
        Assert.Equal(6_000, (await fund.Find())!.ReservedMillimes);
    }

    private static AllocationProposal Proposal(FundProgrammeCode programme, Municipality municipality, long millimes) =>
        new(programme, municipality.Code, millimes, null, null);
}
