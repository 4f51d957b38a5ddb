using System.Collections.Frozen;
using Actors.Contracts.Documents;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Retention.Events;

namespace Actors.Contracts.Retention;

/// <summary>
/// The request events the retention acts on, for every deliverer (the PostgreSQL relay, the embedded publisher): a
/// step into a final status puts the request in the bucket of the day its period ends; a request's purge reaches its
/// issued document, which holds the holder's names too.
/// </summary>
public static class RetentionTriggers
{
    public static IReadOnlySet<string> Types { get; } =
        new[] { nameof(RequestStatusChanged), nameof(RequestPurged) }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Everything these events ask of the retention: purges scheduled, then the purged requests' documents purged.</summary>
    public static async Task Apply(IGrainFactory grains, IReadOnlyList<OutboxEvent> events, RetentionPolicy policy, DateTimeOffset now)
    {
        await Schedule(grains, events, policy, now);
        await PurgeDocuments(grains, events);
    }

    /// <summary>The documents issued for the requests these events purged.</summary>
    public static IReadOnlyList<string> PurgedDocuments(IEnumerable<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events
            .Where(e => e.Type == nameof(RequestPurged) && e.AggregateType == AggregateTypes.CitizenRequest)
            .Select(e => e.PayloadAs<RequestPurged>().Request.DocumentCode)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Purges the documents of the requests these events purged. Through the outbox rather than from the request's own
    /// turn: the request's purge is committed first, and a batch delivered again finds the document purged already.
    /// </summary>
    public static Task PurgeDocuments(IGrainFactory grains, IEnumerable<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Task.WhenAll(PurgedDocuments(events).Select(number => grains.Reference<IIssuedDocumentGrain>(number).Purge()));
    }

    /// <summary>Each request that reached a final status in these events, with when its period ends, once per request.</summary>
    public static IReadOnlyList<(Guid Request, DateTimeOffset DueAt)> DueIn(IEnumerable<OutboxEvent> events, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(policy);
        var due = new Dictionary<Guid, DateTimeOffset>();
        foreach (var e in events)
        {
            if (e.Type != nameof(RequestStatusChanged) || e.AggregateType != AggregateTypes.CitizenRequest)
            {
                continue;
            }

            var changed = e.PayloadAs<RequestStatusChanged>();
            if (policy.DueAt(changed.To, changed.At) is { } at)
            {
                due[Guid.Parse(e.AggregateId)] = at;
            }
        }

        return due.Select(d => (d.Key, d.Value)).ToList();
    }

    /// <summary>Puts each request that became final in its day's bucket, and makes sure the sweep's reminder exists.</summary>
    public static async Task Schedule(IGrainFactory grains, IEnumerable<OutboxEvent> events, RetentionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var due = DueIn(events, policy);
        if (due.Count == 0)
        {
            return;
        }

        await grains.Reference<IRetentionGrain>(0).Start();
        await Task.WhenAll(due
            .GroupBy(d => RetentionDays.BucketFor(d.DueAt, now))
            .Select(day => grains.Reference<IRetentionDayGrain>(RetentionDays.KeyOf(day.Key))
                .Schedule(day.Select(d => d.Request).ToList(), policy, now)));
    }
}
