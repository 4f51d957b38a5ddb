using System.Collections.Frozen;
using Actors.Contracts.Naming;
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

    /// <summary>
    /// Tells each request's clock of its latest change in the batch with the earliest instant a threshold of the
    /// request can fall on (each clock makes its reminder durable, if it must move, before returning).
    /// </summary>
    public static Task Wake(IGrainFactory grains, IEnumerable<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(events);
        var latest = new Dictionary<Guid, OutboxEvent>();
        foreach (var e in events.Where(e => Types.Contains(e.Type) && e.AggregateType == AggregateTypes.CitizenRequest))
        {
            var id = Guid.Parse(e.AggregateId);
            if (!latest.TryGetValue(id, out var seen) || seen.Version < e.Version)
            {
                latest[id] = e;
            }
        }

        return Task.WhenAll(latest.Select(pair => grains.Reference<IRequestClockGrain>(pair.Key).Changed(EarliestThreshold(RequestOf(pair.Value)))));
    }

    /// <summary>
    /// A lower bound of every threshold <see cref="ServiceLevelTargets.Next"/> can give for the request as it is now,
    /// without its calendar: the due date (escalation comes after it), and for a paid card the moment it was paid
    /// (its unbooked expiry comes after that); null when no threshold is left.
    /// </summary>
    public static DateTimeOffset? EarliestThreshold(CitizenRequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsFinal)
        {
            return null;
        }

        DateTimeOffset? earliest = request.DueAt;
        if (request.Kind == RequestKind.NationalIdCard && request.Status == RequestStatus.Paid)
        {
            var paidSince = request.History.LastOrDefault(h => h.Status == RequestStatus.Paid)?.At ?? request.UpdatedAt;
            earliest = earliest is { } due && due < paidSince ? due : paidSince;
        }

        return earliest;
    }

    private static CitizenRequestView RequestOf(OutboxEvent e) => e.Type == nameof(RequestSubmitted)
        ? e.PayloadAs<RequestSubmitted>().Request
        : e.PayloadAs<RequestStatusChanged>().Request;
}
