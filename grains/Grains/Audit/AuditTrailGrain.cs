using Actors.Contracts.Audit;
using Orleans.Concurrency;

namespace Actors.Grains.Audit;

/// <summary>
/// The audit trail's writer. Reentrant so that calls arriving while a batch is being written queue their records
/// instead of waiting their turn: the next batch takes everything that arrived meanwhile (group commit), one
/// transaction for many callers. Each caller's call completes once its own records are stored. The store itself
/// serialises appends (a lock, an advisory lock in PostgreSQL), so a second activation during a partition cannot fork
/// the chain either.
/// </summary>
[Reentrant]
public sealed class AuditTrailGrain(IAuditTrail trail) : Grain, IAuditTrailGrain
{
    /// <summary>Bounds a batch, so one transaction stays short however many callers are waiting.</summary>
    private const int MaxBatch = 500;

    private readonly Queue<(IReadOnlyList<AuditRecord> Records, TaskCompletionSource Stored)> _waiting = new();
    private bool _writing;

    public Task Append(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }

        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue((records, stored));
        if (!_writing)
        {
            _writing = true;
            _ = WriteAsync();
        }

        return stored.Task;
    }

    /// <summary>Writes batches until nobody waits; runs on the grain's scheduler, one at a time.</summary>
    private async Task WriteAsync()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                var batch = new List<(IReadOnlyList<AuditRecord> Records, TaskCompletionSource Stored)>();
                var count = 0;
                while (_waiting.Count > 0 && (batch.Count == 0 || count + _waiting.Peek().Records.Count <= MaxBatch))
                {
                    var next = _waiting.Dequeue();
                    batch.Add(next);
                    count += next.Records.Count;
                }

                try
                {
                    await trail.AppendAsync(batch.SelectMany(b => b.Records).ToList());
                    batch.ForEach(b => b.Stored.TrySetResult());
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    batch.ForEach(b => b.Stored.TrySetException(ex));
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
