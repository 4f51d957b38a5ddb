using Actors.Contracts.Funds.Index;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>
/// The allocation index in PostgreSQL (<see cref="AllocationIndexTable"/>), fed by <see cref="AllocationIndexConsumer"/>
/// from the outbox; a <see cref="PostgresKeysetIndex{TEntry, TFilter, TOrder, TTable}"/>.
/// </summary>
public sealed class PostgresAllocationIndex(NpgsqlDataSource dataSource)
    : PostgresKeysetIndex<AllocationIndexEntry, AllocationFilter, AllocationOrder, AllocationIndexTable>(dataSource), IAllocationIndex;
