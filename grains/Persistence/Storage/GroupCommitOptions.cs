namespace Actors.Persistence.Storage;

/// <summary>
/// <c>GrainStorage</c> settings of a silo on PostgreSQL: whether domain grain states are written through
/// <see cref="PostgresGrainStorage"/> with group commit (the default) or through Orleans' ADO.NET provider.
/// </summary>
public sealed class GroupCommitOptions
{
    public const string Section = "GrainStorage";

    /// <summary>
    /// Writes of many grains that arrive together commit in one transaction, each grain answered after it, and each
    /// state's events are outbox rows of its own statement. On by default: PostgreSQL's statements then take about a
    /// third less time per transition and its commits a third fewer (docs/benchmarks.md, session 37). False writes
    /// through Orleans' ADO.NET provider, whose rows are the same: either setting reads what the other wrote, and a
    /// rolling change between them is safe.
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>At most this many grains' writes in one transaction (1: our provider, one transaction per write).</summary>
    public int MaxWritesPerCommit { get; set; } = 64;

    /// <summary>Transactions in flight at once per silo: while one commits, the next gathers the writes that arrive.</summary>
    public int Committers { get; set; } = 2;
}
