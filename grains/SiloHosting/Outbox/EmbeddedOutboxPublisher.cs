using Actors.Contracts.Funds.Index;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Requests.Index;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Embedded mode: state lives in memory, so there is no crash to survive; the committed events go
/// straight to the in-memory read models (idempotent, highest version wins) and to live streams.
/// </summary>
public sealed class EmbeddedOutboxPublisher(IRequestIndex index, IAllocationIndex allocations, LiveUpdatePublisher live) : IOutboxPublisher
{
    public async Task PublishAsync(IReadOnlyList<OutboxEvent> events)
    {
        var entries = events
            .Where(e => RequestEvents.IndexedTypes.Contains(e.Type))
            .Select(RequestEvents.IndexEntryOf)
            .ToList();
        if (entries.Count > 0)
        {
            await index.ApplyAsync(entries);
        }

        var allocationEntries = events
            .Where(e => e.Type == OutboxEventTypes.AllocationChanged)
            .Select(e => OutboxJson.Deserialize<AllocationIndexEntry>(e.Payload))
            .ToList();
        if (allocationEntries.Count > 0)
        {
            await allocations.ApplyAsync(allocationEntries);
        }

        await live.PublishAsync(events);
    }
}
