using System.Collections.Frozen;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;

namespace Actors.Contracts.Retention;

/// <summary>
/// The request events that schedule a purge, for every deliverer (the PostgreSQL relay, the embedded publisher): a
/// step into a final status puts the request in the bucket of the day its period ends.
/// </summary>
public static class RetentionTriggers
{
    public static IReadOnlySet<string> Types { get; } = new[] { nameof(RequestStatusChanged) }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Each request that reached a final status in these events, with when its period ends, once per request.</summary>
    public static IReadOnlyList<(Guid Request, DateTimeOffset DueAt)> DueIn(IEnumerable<OutboxEvent> events, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(policy);
        var due = new Dictionary<Guid, DateTimeOffset>();
        foreach (var e in events)
        {
            if (!Types.Contains(e.Type) || e.AggregateType != AggregateTypes.CitizenRequest)
            {
                continue;
            }

            var changed = OutboxJson.Deserialize<RequestStatusChanged>(e.Payload);
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

        await grains.GetGrain<IRetentionGrain>(0).Start();
        await Task.WhenAll(due
            .GroupBy(d => RetentionDays.BucketFor(d.DueAt, now))
            .Select(day => grains.GetGrain<IRetentionDayGrain>(RetentionDays.KeyOf(day.Key))
                .Schedule(day.Select(d => d.Request).ToList(), policy, now)));
    }
}
