using Actors.Contracts.Centers;
using Actors.Contracts.Centers.Events;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Events;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Outbox;

namespace Actors.Tests.Funds;

/// <summary>
/// The consumers build their rows from the events named for what happened, and still read the previous
/// release's event types that may sit in an outbox during a rolling upgrade.
/// </summary>
public sealed class FundEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private static Allocation Allocation(long version, AllocationStatus status) => new(
        Guid.NewGuid(), 2026, FundProgrammeCode.Roads, "M-1", "بلدية", "Commune", "TUNIS", 5_000, 0, status, null, "fm-1", "FUND_MANAGER:fm-1",
        At, At, version, new List<AllocationStep>(), new List<Disbursement>());

    [Fact]
    public void An_allocation_event_carries_the_allocation_and_the_consumer_builds_the_index_row()
    {
        var allocation = Allocation(7, AllocationStatus.Approved);
        var approved = OutboxEvent.Of(AggregateTypes.Fund, "2026", new AllocationApproved("FUND_MANAGER:fm-2", 7, At, allocation));
        var legacy = new OutboxEvent(AggregateTypes.FundAllocation, allocation.Id.ToString("D"), 6, OutboxEventTypes.AllocationChanged,
            OutboxJson.Serialize(AllocationIndexEntry.From(allocation with { Version = 6, Status = AllocationStatus.Proposed })), At);

        Assert.Equal("AllocationApproved", approved.Type);
        Assert.Contains(approved.Type, FundEvents.AllocationEventTypes);
        Assert.Contains(OutboxEventTypes.AllocationChanged, FundEvents.AllocationEventTypes);
        Assert.Equal(AllocationIndexEntry.From(allocation), FundEvents.IndexEntryOf(approved));
        Assert.Equal((AllocationStatus.Proposed, 6L), (FundEvents.IndexEntryOf(legacy)!.Status, FundEvents.IndexEntryOf(legacy)!.Version));
        Assert.Equal(2, FundEvents.IndexEntries([approved, legacy]).Count);
    }

    [Fact]
    public void Amendment_events_new_and_previous_feed_the_register()
    {
        var amendment = new FundAmendment(Guid.NewGuid(), 2026, null, FundProgrammeCode.Roads, 1_000, AmendmentStatus.Proposed, "Ajustement",
            "fm-1", "FUND_MANAGER:fm-1", At, null, null, null, 3);
        var proposed = OutboxEvent.Of(AggregateTypes.Fund, "2026", new AmendmentProposed("FUND_MANAGER:fm-1", 3, At, amendment));
        var legacy = new OutboxEvent(AggregateTypes.Fund, "2026", 4, OutboxEventTypes.FundAmendmentChanged,
            OutboxJson.Serialize(amendment with { Status = AmendmentStatus.Rejected, Version = 4 }), At);

        Assert.Equal([(AmendmentStatus.Proposed, 3L), (AmendmentStatus.Rejected, 4L)],
            FundEvents.Amendments([proposed, legacy]).Select(a => (a.Status, a.Version)));
        Assert.Null(FundEvents.AmendmentOf(new OutboxEvent(AggregateTypes.Fund, "2026", 5, "SomethingElse", "{}", At)));
    }

    [Fact]
    public void Center_events_new_and_previous_feed_the_directory_with_the_latest_view()
    {
        var profile = new ServiceCenterProfile("C-1", "مكتب", "Bureau", "TUNIS", "District", CenterKind.OneStopShop, [CenterService.NationalIdCard], 50, IsDemo: true);
        var v1 = new ServiceCenterView(profile, RolloutPhase.Planned, CenterReadiness.None(4, 4), At, At, 1);
        var v2 = v1 with { Phase = RolloutPhase.Pilot, Version = 2 };
        var registered = OutboxEvent.Of(AggregateTypes.ServiceCenter, "C-1", new CenterRegistered("OPERATOR:op", 1, At, v1));
        var legacy = new OutboxEvent(AggregateTypes.ServiceCenter, "C-1", 2, OutboxEventTypes.ServiceCenterChanged, OutboxJson.Serialize(v2), At);

        Assert.Contains("CenterRegistered", CenterEvents.Types);
        Assert.Contains(OutboxEventTypes.ServiceCenterChanged, CenterEvents.Types);
        var latest = Assert.Single(CenterEvents.LatestCenters([legacy, registered]));
        Assert.Equal((RolloutPhase.Pilot, 2L, "C-1"), (latest.Phase, latest.Version, latest.Code));
        Assert.Equal([CenterService.NationalIdCard], CenterEvents.CenterOf(registered)!.Profile.Services);
    }
}
