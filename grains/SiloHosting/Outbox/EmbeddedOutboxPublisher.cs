using Actors.Contracts.Centers;
using Actors.Contracts.Centers.Events;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Events;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Requests.Index;
using Actors.Contracts.Scheduling;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Embedded mode: state lives in memory, so there is no crash to survive; the committed events go
/// straight to the in-memory read models (idempotent, highest version wins), to live streams, and to the
/// automatic pathway, the service-level clock of each request and the campaigns' counters (when the silo has them).
/// </summary>
public sealed class EmbeddedOutboxPublisher(
    IRequestIndex index, IAllocationIndex allocations, IExchangeLog exchanges, IGrainFactory grains, LiveUpdatePublisher live,
    PathwayDispatch? pathway = null, RequestClockDispatch? clocks = null, DisplacementDispatch? displacement = null,
    CampaignDispatch? campaigns = null, RetentionDispatch? retention = null)
    : IOutboxPublisher
{
    public async Task PublishAsync(IReadOnlyList<OutboxEvent> events, IReadOnlyList<IDomainEvent> domainEvents)
    {
        var entries = events
            .Where(e => RequestEvents.IndexedTypes.Contains(e.Type))
            .Select(RequestEvents.IndexEntryOf)
            .ToList();
        if (entries.Count > 0)
        {
            await index.ApplyAsync(entries);
        }

        var allocationEntries = FundEvents.IndexEntries(events);
        if (allocationEntries.Count > 0)
        {
            await allocations.ApplyAsync(allocationEntries);
        }

        var exchangeEntries = ExchangeEvents.LogEntries(events);
        if (exchangeEntries.Count > 0)
        {
            await exchanges.ApplyAsync(exchangeEntries);
        }

        foreach (var year in FundEvents.Amendments(events).GroupBy(a => a.Year))
        {
            await grains.Reference<IAmendmentRegisterGrain>(year.Key).Apply(year.ToList());
        }

        var centers = CenterEvents.LatestCenters(events);
        if (centers.Count > 0)
        {
            await grains.Reference<ICenterDirectoryGrain>(0).Apply(centers);
        }

        // The seat of a committed booking is confirmed, a freed one released, even if the request's own call did not get there.
        await AppointmentSeats.Settle(grains, events);
        displacement?.Dispatch(events);
        await live.PublishAsync(domainEvents);
        if (pathway is not null)
        {
            await pathway.DispatchAsync(events);
        }

        if (clocks is not null)
        {
            await clocks.DispatchAsync(events);
        }

        if (campaigns is not null)
        {
            await campaigns.DispatchAsync(events);
        }

        if (retention is not null)
        {
            await retention.DispatchAsync(events);
        }
    }
}
