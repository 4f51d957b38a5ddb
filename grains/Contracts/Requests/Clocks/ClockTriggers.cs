using System.Collections.Frozen;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;

namespace Actors.Contracts.Requests.Clocks;

/// <summary>
/// The request events that wake a request's clock, for every deliverer (the PostgreSQL relay, the embedded publisher):
/// those that set a new due date. Not the clock's own events (it schedules its next threshold itself) nor payment or
/// pending changes (they move no due date).
/// </summary>
public static class ClockTriggers
{
    public static IReadOnlySet<string> Types { get; } =
        new[] { nameof(RequestSubmitted), nameof(RequestStatusChanged) }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The requests to wake, each once per batch.</summary>
    public static IReadOnlyList<Guid> RequestsIn(IEnumerable<OutboxEvent> events) =>
        events.Where(e => Types.Contains(e.Type) && e.AggregateType == AggregateTypes.CitizenRequest)
              .Select(e => Guid.Parse(e.AggregateId))
              .Distinct()
              .ToList();

    /// <summary>Wakes each request's clock (each registers its reminder before returning).</summary>
    public static Task Wake(IGrainFactory grains, IEnumerable<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Task.WhenAll(RequestsIn(events).Select(id => grains.GetGrain<IRequestClockGrain>(id).Wake()));
    }
}
