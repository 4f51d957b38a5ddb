using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;

namespace Actors.Tests.Funds;

/// <summary>The rules the fund grain owns whoever calls it (not only GraphQL), and refusals worded in the schema's words.</summary>
[Collection(FundClusterCollection.Name)]
public sealed class FundRuleTests(FundClusterFixture fixture)
{
    private static readonly Actor Manager = FundClusterFixture.FundManager("fm-rule-1");
    private static readonly Actor OtherManager = FundClusterFixture.FundManager("fm-rule-2");
    private static readonly string LongReason = new('r', DomainLimits.MaxReasonLength + 1);

    [Fact]
    public async Task Every_step_refuses_a_reason_longer_than_the_shared_limit()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        var allocation = await fund.Allocate(Manager, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 5_000, new string('r', DomainLimits.MaxReasonLength), null));
        var amendment = await fund.ProposeAmendment(Manager, new AmendmentProposal(null, FundProgrammeCode.Roads, 1_000, "Ajustement", null));

        var refusals = new Func<Task>[]
        {
            () => fund.Allocate(Manager, new AllocationProposal(FundProgrammeCode.Roads, municipality.Code, 5_000, LongReason, null)),
            () => fund.Perform(OtherManager, new AllocationCommand(allocation.Id, AllocationAction.Approve, LongReason)),
            () => fund.Perform(OtherManager, new AllocationCommand(allocation.Id, AllocationAction.Cancel, LongReason)),
            () => fund.Disburse(Manager, new DisbursementOrder(allocation.Id, 1, LongReason, null)),
            () => fund.ProposeAmendment(Manager, new AmendmentProposal(null, FundProgrammeCode.Roads, 1_000, LongReason, null)),
            () => fund.DecideAmendment(OtherManager, new AmendmentDecision(amendment.Id, Approve: false, LongReason)),
        };
        foreach (var refused in refusals)
        {
            var error = await FundRefusal.Expect(ErrorCodes.ValidationFailed, refused);
            Assert.Equal(("reason", "500"), (error.Parameters["field"], error.Parameters["maxLength"]));
        }

        Assert.Equal(AllocationStatus.Proposed, (await fund.FindAllocation(allocation.Id))!.Status);
        Assert.Equal(AmendmentStatus.Proposed, (await fund.FindAmendment(amendment.Id))!.Status);
    }

    [Fact]
    public async Task Idempotency_keys_follow_the_one_policy()
    {
        var (_, fund) = await fixture.OpenFund();
        var municipality = await fixture.Municipality(isNew: false);
        AllocationProposal Keyed(string key) => new(FundProgrammeCode.Markets, municipality.Code, 1_000, null, key);

        foreach (var bad in new[] { "", "with space", "accent-é", new string('k', 101) })
        {
            var error = await FundRefusal.Expect(ErrorCodes.ValidationFailed, () => fund.Allocate(Manager, Keyed(bad)));
            Assert.Equal("idempotencyKey", error.Parameters["field"]);
        }

        var longest = new string('k', 100);
        var first = await fund.Allocate(Manager, Keyed(longest));
        Assert.Equal(first.Id, (await fund.Allocate(Manager, Keyed(longest))).Id);
        await FundRefusal.Expect(ErrorCodes.IdempotencyKeyReused, () => fund.ProposeAmendment(Manager, new AmendmentProposal(null, FundProgrammeCode.Roads, 1_000, "Même clé", longest)));
        Assert.Equal(1, (await fund.Find())!.AllocationCount);
    }

    [Fact]
    public async Task Refusals_speak_the_schema_s_words_and_money_in_dinars()
    {
        var (_, fund) = await fixture.OpenFund();
        var old = await fixture.Municipality(isNew: false);

        var analyst = await FundRefusal.Expect(ErrorCodes.NotAllowed, () =>
            fund.Allocate(new Actor("analyst-rule", ActorRole.Analyst), new AllocationProposal(FundProgrammeCode.Roads, old.Code, 1_000, null, null)));
        Assert.Equal(("ANALYST", "Only a FUND_MANAGER changes the fund."), (analyst.Parameters["role"], analyst.Message));

        var notNew = await FundRefusal.Expect(ErrorCodes.NotANewMunicipality, () =>
            fund.Allocate(Manager, new AllocationProposal(FundProgrammeCode.NewMunicipalities, old.Code, 1_000, null, null)));
        Assert.Equal("NEW_MUNICIPALITIES", notNew.Parameters["programme"]);
        Assert.Contains("NEW_MUNICIPALITIES aid", notNew.Message, StringComparison.Ordinal);

        var unprogrammed = await FundRefusal.Expect(ErrorCodes.UnprogrammedExceeded, () =>
            fund.ProposeAmendment(Manager, new AmendmentProposal(null, FundProgrammeCode.Roads, 10_000_000_001, "Trop", null)));
        Assert.Equal(("10000000.000", "10000000.001"), (unprogrammed.Parameters["unprogrammedDinars"], unprogrammed.Parameters["requestedDinars"]));

        var allocation = await fund.Allocate(Manager, new AllocationProposal(FundProgrammeCode.Roads, old.Code, 1_000, null, null));
        var early = await FundRefusal.Expect(ErrorCodes.InvalidTransition, () => fund.Perform(OtherManager, new AllocationCommand(allocation.Id, AllocationAction.Close, null)));
        Assert.Equal(("CLOSE", "PROPOSED"), (early.Parameters["action"], early.Parameters["status"]));
        Assert.Equal("CLOSE is not possible for an allocation in status PROPOSED.", early.Message);
        Assert.DoesNotContain(early.Parameters.Values, v => v.Contains("Millimes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Amendments_follow_their_table()
    {
        // Written out by hand, not read from AmendmentTransitions: status → the decisions it allows.
        var expected = new Dictionary<AmendmentStatus, AmendmentAction[]>
        {
            [AmendmentStatus.Proposed] = [AmendmentAction.Approve, AmendmentAction.Reject],
            [AmendmentStatus.Approved] = [],
            [AmendmentStatus.Rejected] = [],
        };
        var (_, fund) = await fixture.OpenFund();
        foreach (var (status, allowed) in expected)
        {
            Assert.Equal(allowed, AmendmentTransitions.AvailableFrom(status));
            foreach (var action in Enum.GetValues<AmendmentAction>())
            {
                var amendment = await fund.ProposeAmendment(Manager, new AmendmentProposal(null, FundProgrammeCode.Dumps, 1_000, "Ajustement", null));
                if (status != AmendmentStatus.Proposed)
                {
                    await fund.DecideAmendment(OtherManager, new AmendmentDecision(amendment.Id, status == AmendmentStatus.Approved, "Décidé"));
                }

                var decide = () => fund.DecideAmendment(FundClusterFixture.FundManager("fm-rule-3"), new AmendmentDecision(amendment.Id, action == AmendmentAction.Approve, "Vu"));
                if (allowed.Contains(action))
                {
                    Assert.NotEqual(status, (await decide()).Status);
                }
                else
                {
                    await FundRefusal.Expect(ErrorCodes.InvalidTransition, decide);
                }
            }
        }
    }
}
