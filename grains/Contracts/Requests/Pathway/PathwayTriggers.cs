using System.Collections.Frozen;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;

namespace Actors.Contracts.Requests.Pathway;

/// <summary>
/// The request events that wake a request's pathway, for every deliverer (the PostgreSQL relay, the embedded
/// publisher). Not <see cref="RequestPendingChanged"/>: the pathway itself causes it.
/// </summary>
public static class PathwayTriggers
{
    public static IReadOnlySet<string> Types { get; } =
        new[] { nameof(RequestSubmitted), nameof(RequestStatusChanged), nameof(RequestPaymentChanged) }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The requests to wake, each once per batch.</summary>
    public static IReadOnlyList<Guid> RequestsIn(IEnumerable<OutboxEvent> events) =>
        events.Where(e => Types.Contains(e.Type) && e.AggregateType == AggregateTypes.CitizenRequest)
              .Select(e => Guid.Parse(e.AggregateId))
              .Distinct()
              .ToList();

    /// <summary>Wakes each request's pathway (returns at once: the pathway works on its own turns).</summary>
    public static Task Wake(IGrainFactory grains, IEnumerable<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Task.WhenAll(RequestsIn(events).Select(id => grains.Reference<IRequestPathwayGrain>(id).Wake()));
    }
}
