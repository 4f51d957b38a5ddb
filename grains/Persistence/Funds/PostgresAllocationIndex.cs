using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Persistence.Outbox;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>
/// The allocation index in PostgreSQL (<see cref="AllocationIndexTable"/>), fed by <see cref="AllocationIndexConsumer"/>
/// from the outbox: pages as a <see cref="PostgresKeysetIndex{TEntry, TFilter, TOrder, TTable}"/>, sums from here.
/// </summary>
public sealed class PostgresAllocationIndex(NpgsqlDataSource dataSource, ReadQueryGate? gate = null)
    : PostgresKeysetIndex<AllocationIndexEntry, AllocationFilter, AllocationOrder, AllocationIndexTable>(dataSource, gate), IAllocationIndex
{
    // The fund's own rules (Allocation.ReservedMillimes, AllocatedMillimes) in SQL; sums cast back to bigint, so that
    // an impossible overflow fails loudly instead of coming back as a numeric.
    private const string Figures =
        "count(*), count(DISTINCT municipality_code), "
        + "coalesce(sum(CASE WHEN status = 'Proposed' THEN amount_millimes ELSE 0 END), 0)::bigint, "
        + "coalesce(sum(CASE WHEN status = 'Proposed' THEN 0 WHEN status = 'Cancelled' THEN disbursed_millimes ELSE amount_millimes END), 0)::bigint, "
        + "coalesce(sum(disbursed_millimes), 0)::bigint";

    /// <inheritdoc />
    public async Task<AllocationSums> SumAsync(
        AllocationFilter filter, IReadOnlyList<AllocationDimension> groupBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupBy);
        var byProgramme = groupBy.Contains(AllocationDimension.Programme);
        var byGovernorate = groupBy.Contains(AllocationDimension.Governorate);
        var grouped = byProgramme || byGovernorate;

        using var turn = await Gate.EnterAsync(cancellationToken);
        await using var batch = DataSource.CreateBatch();
        batch.BatchCommands.Add(Filtered($"SELECT {Figures} FROM {Table.Name} WHERE ", filter).ToBatchCommand());
        if (grouped)
        {
            var keys = $"{(byProgramme ? "programme" : "NULL::text")}, {(byGovernorate ? "governorate" : "NULL::text")}";
            batch.BatchCommands.Add(Filtered($"SELECT {keys}, {Figures} FROM {Table.Name} WHERE ", filter).Append(" GROUP BY 1, 2").ToBatchCommand());
        }

        batch.BatchCommands.Add(OutboxFreshness.BatchCommand(Table.Consumer));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var totals = Read(reader, 0);
        var groups = new List<AllocationSumGroup>();
        if (grouped)
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(new AllocationSumGroup(
                    reader.IsDBNull(0) ? null : Enum.Parse<FundProgrammeCode>(reader.GetString(0)),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    Read(reader, 2)));
            }
        }

        var asOf = await NextScalarAsync<DateTimeOffset>(reader, cancellationToken);
        return new AllocationSums(AllocationSums.Ordered(groups), totals, asOf);
    }

    private static AllocationFigures Read(NpgsqlDataReader reader, int first) => new(
        checked((int)reader.GetInt64(first)), checked((int)reader.GetInt64(first + 1)),
        reader.GetInt64(first + 2), reader.GetInt64(first + 3), reader.GetInt64(first + 4));
}
