using System.Globalization;
using Actors.Contracts.Naming;
using Actors.Contracts.Retention;
using Actors.Grains.Persistence;

namespace Actors.Grains.Retention;

/// <summary>
/// The requests whose retention period ends on one UTC day. The request itself decides whether it is due (the
/// bucket may be stale: a period lengthened since, a request purged already), so a bucket can only ever purge late,
/// never early, and a request asked twice purges once.
/// </summary>
public sealed class RetentionDayGrain(
    [PersistentState(StorageNames.RetentionDayState, StorageNames.Domain)] IPersistentState<RetentionDayState> state)
    : Grain, IRetentionDayGrain
{
    // Requests asked at once: enough to keep a sweep short, few enough not to flood the silo.
    private const int Parallelism = 16;

    private DateOnly Day => DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task Schedule(IReadOnlyList<Guid> requests, RetentionPolicy policy, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (state.State.Closed)
        {
            // The sweep has passed this day: purge now what is due, and put the rest in a day still to come.
            var results = await Ask(requests, policy, asOf);
            await MoveLater(results, asOf, policy);
            return;
        }

        var known = state.State.Pending.ToHashSet();
        var added = requests.Where(known.Add).ToList();
        if (added.Count == 0)
        {
            return;
        }

        state.State.Pending.AddRange(added);
        await state.WriteOrRestoreAsync(this);
    }

    public async Task<RetentionDayPass> Purge(RetentionPolicy policy, DateTimeOffset asOf, int batchSize, bool close)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batch = state.State.Pending.Take(batchSize).ToList();
        var results = await Ask(batch, policy, asOf);
        var purged = results.Count(r => r.Result.Outcome == PurgeOutcome.Purged);
        var moved = await MoveLater(results, asOf, policy);

        // Not due yet and still due today (today's bucket, swept again at the next tick): kept, after the others.
        var kept = results.Where(r => r.Result.Outcome == PurgeOutcome.NotDue && !moved.Contains(r.Request)).Select(r => r.Request).ToList();
        var settled = batch.Count - kept.Count;
        var changed = batch.Count > 0;
        if (changed)
        {
            state.State.Pending = [.. state.State.Pending.Skip(batch.Count), .. kept];
            state.State.Purged += purged;
        }

        if (close && state.State.Pending.Count == 0 && !state.State.Closed)
        {
            state.State.Closed = true;
            changed = true;
        }

        if (changed)
        {
            await state.WriteOrRestoreAsync(this);
        }

        return new RetentionDayPass(purged, moved.Count, settled, state.State.Pending.Count);
    }

    private async Task<List<(Guid Request, PurgeResult Result)>> Ask(IReadOnlyList<Guid> requests, RetentionPolicy policy, DateTimeOffset asOf)
    {
        var results = new List<(Guid, PurgeResult)>(requests.Count);
        foreach (var chunk in requests.Chunk(Parallelism))
        {
            var answers = await Task.WhenAll(chunk.Select(id => GrainFactory.Reference<IRequestRetentionGrain>(id).Purge(policy, asOf)));
            results.AddRange(chunk.Zip(answers));
        }

        return results;
    }

    /// <summary>
    /// Puts the requests not due yet whose period ends after this day in their own day's bucket. A closed bucket keeps
    /// nothing: what would stay in it goes to the next day instead.
    /// </summary>
    private async Task<HashSet<Guid>> MoveLater(IEnumerable<(Guid Request, PurgeResult Result)> results, DateTimeOffset asOf, RetentionPolicy policy)
    {
        var later = new List<(Guid Request, DateOnly Day)>();
        foreach (var (request, result) in results)
        {
            if (result is not { Outcome: PurgeOutcome.NotDue, DueAt: { } dueAt })
            {
                continue;
            }

            var day = RetentionDays.BucketFor(dueAt, asOf);
            if (state.State.Closed && day <= Day)
            {
                day = Day.AddDays(1);
            }

            if (day != Day)
            {
                later.Add((request, day));
            }
        }

        await Task.WhenAll(later.GroupBy(r => r.Day).Select(day =>
            GrainFactory.Reference<IRetentionDayGrain>(RetentionDays.KeyOf(day.Key)).Schedule(day.Select(r => r.Request).ToList(), policy, asOf)));
        return later.Select(r => r.Request).ToHashSet();
    }
}
