using Actors.Contracts.Documents;

namespace Actors.Grains.Documents;

/// <summary>
/// Counts checks in memory: losing the counts when a silo stops only resets one window, and keeps a check from
/// costing a storage write. Kept active past the longest window so idling cannot reset it early.
/// </summary>
[CollectionAgeLimit(Minutes = 13 * 60)]
public sealed class DocumentCheckGateGrain(TimeProvider clock) : Grain, IDocumentCheckGateGrain
{
    private readonly Queue<DateTimeOffset> passed = new();

    public Task<TimeSpan?> Pass(int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        while (passed.Count > 0 && passed.Peek() <= now - window)
        {
            passed.Dequeue();
        }

        if (passed.Count >= limit)
        {
            return Task.FromResult<TimeSpan?>(passed.Peek() + window - now);
        }

        passed.Enqueue(now);
        return Task.FromResult<TimeSpan?>(null);
    }
}
