using Actors.Contracts.Funds.Index;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>
/// The allocation index in PostgreSQL (<see cref="AllocationIndexTable"/>), fed by <see cref="AllocationIndexConsumer"/>
/// from the outbox; pages come from <see cref="PostgresKeysetIndex{TEntry, TFilter, TOrder}"/>.
/// </summary>
public sealed class PostgresAllocationIndex(NpgsqlDataSource dataSource)
    : PostgresKeysetIndex<AllocationIndexEntry, AllocationFilter, AllocationOrder>(dataSource, AllocationIndexTable.Instance, ConsumerName), IAllocationIndex
{
    /// <summary>The outbox consumer that feeds this index; its checkpoint dates the answers (<c>asOf</c>).</summary>
    public const string ConsumerName = "allocation-index";

    /// <summary>Upserts inside the caller's transaction: the outbox consumer commits it with its checkpoint.</summary>
    public static Task UpsertAsync(
        IReadOnlyList<AllocationIndexEntry> entries, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        UpsertAsync(AllocationIndexTable.Instance, entries, connection, transaction, cancellationToken);
}
