namespace Actors.Contracts.Requests.Index;

/// <summary>
/// Durations read from a request's history, the same in every index implementation (each computes them from the
/// document when the row is written, so that the figures of both agree to the second).
/// </summary>
public static class StatusStays
{
    /// <summary>
    /// The stays in statuses the request has left, in order. Consecutive history entries with the same status (a step
    /// that does not change the status, e.g. a new appointment) are one stay; the current status is not counted,
    /// since its end is not known yet.
    /// </summary>
    public static IReadOnlyList<StatusStay> Of(IReadOnlyList<HistoryEntry>? history)
    {
        if (history is not { Count: > 1 })
        {
            return [];
        }

        var ordered = history.OrderBy(h => h.Version).ToList();
        var stays = new List<StatusStay>();
        var start = ordered[0];
        foreach (var entry in ordered.Skip(1))
        {
            if (entry.Status != start.Status)
            {
                stays.Add(new StatusStay(start.Status, WholeSeconds(entry.At - start.At)));
                start = entry;
            }
        }

        return stays;
    }

    /// <summary>Seconds from submission to the first DELIVERED or ISSUED entry of the history; null when there is none.</summary>
    public static long? CompletionSeconds(DateTimeOffset submittedAt, IReadOnlyList<HistoryEntry>? history)
    {
        var completed = history?
            .Where(h => h.Status is RequestStatus.Delivered or RequestStatus.Issued)
            .OrderBy(h => h.Version)
            .FirstOrDefault();
        return completed is null ? null : WholeSeconds(completed.At - submittedAt);
    }

    /// <summary>The nearest-rank percentile (PostgreSQL's percentile_disc): the first value whose rank reaches the fraction.</summary>
    public static long? Percentile(IReadOnlyList<long> sortedAscending, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        if (sortedAscending.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(fraction * sortedAscending.Count);
        return sortedAscending[Math.Clamp(rank - 1, 0, sortedAscending.Count - 1)];
    }

    // Clock skew between silos could make a step look earlier than the one before it: never a negative stay.
    private static long WholeSeconds(TimeSpan span) => Math.Max(0, (long)Math.Floor(span.TotalSeconds));
}
