using Actors.Contracts.Audit;
using Actors.Contracts.ReadModels;
using Actors.SiloHosting.Embedded;

namespace Actors.Tests.Audit;

/// <summary>
/// The embedded trail, with the ways a real writer fails when its silo dies: appends refused while <see cref="Down"/>,
/// and appends stored whose answer is lost (<see cref="LoseAnswers"/>: the next n stored appends then throw).
/// </summary>
public sealed class FlakyAuditTrail : IAuditTrail
{
    private readonly InMemoryAuditTrail _trail = new(TimeProvider.System);
    private int _loseAnswers;
    private int _refused;

    public bool Down { get; set; }

    /// <summary>Appends refused or answered with an error so far.</summary>
    public int Failures => Volatile.Read(ref _refused);

    public void LoseAnswers(int count) => Volatile.Write(ref _loseAnswers, count);

    public async Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        if (Down)
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException("The trail's writer is down (test).");
        }

        var entries = await _trail.AppendAsync(records, cancellationToken);
        if (Interlocked.Decrement(ref _loseAnswers) >= 0)
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException("The append was stored, its answer lost (test).");
        }

        return entries;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long afterSequence, int count, CancellationToken cancellationToken = default) =>
        _trail.ReadChainAsync(afterSequence, count, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        _trail.ApplyAsync(entries, cancellationToken);

    public Task<KeysetPage<AuditEntry>> QueryAsync(KeysetQuery<AuditFilter, AuditOrder> query, CancellationToken cancellationToken = default) =>
        _trail.QueryAsync(query, cancellationToken);
}
