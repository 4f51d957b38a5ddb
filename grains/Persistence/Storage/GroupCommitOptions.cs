namespace Actors.Persistence.Storage;

/// <summary>
/// <c>GrainStorage</c> settings of a silo on PostgreSQL: whether domain grain states are written through
/// <see cref="PostgresGrainStorage"/> with group commit instead of Orleans' ADO.NET provider (the default).
/// </summary>
public sealed class GroupCommitOptions
{
    public const string Section = "GrainStorage";

    /// <summary>Writes of many grains that arrive together commit in one transaction; each grain is answered after it.</summary>
    public bool GroupCommit { get; set; }

    /// <summary>At most this many grains' writes in one transaction (1: our provider, one transaction per write).</summary>
    public int MaxWritesPerCommit { get; set; } = 64;

    /// <summary>Transactions in flight at once per silo: while one commits, the next gathers the writes that arrive.</summary>
    public int Committers { get; set; } = 2;
}
