using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>
/// The table <c>allocation_index</c> (migration 0006): one fund year per query, amounts as integer millimes.
/// </summary>
public sealed class AllocationIndexTable : KeysetTable<AllocationIndexEntry, AllocationFilter, AllocationOrder>
{
    /// <inheritdoc />
    public override string Name => "allocation_index";

    /// <inheritdoc />
    public override string Consumer => "allocation-index";

    /// <inheritdoc />
    public override IReadOnlyList<IndexColumn<AllocationIndexEntry>> Columns { get; } =
    [
        IndexColumn<AllocationIndexEntry>.Of("id", "uuid", e => e.Id),
        IndexColumn<AllocationIndexEntry>.Of("year", "integer", e => e.Year),
        IndexColumn<AllocationIndexEntry>.Of("programme", "text", e => e.Programme.ToString()),
        IndexColumn<AllocationIndexEntry>.Of("municipality_code", "text", e => e.MunicipalityCode),
        IndexColumn<AllocationIndexEntry>.Of("governorate", "text", e => e.Governorate),
        IndexColumn<AllocationIndexEntry>.Of("status", "text", e => e.Status.ToString()),
        IndexColumn<AllocationIndexEntry>.Of("amount_millimes", "bigint", e => e.AmountMillimes),
        IndexColumn<AllocationIndexEntry>.Of("disbursed_millimes", "bigint", e => e.DisbursedMillimes),
        .. IndexColumn<AllocationIndexEntry>.Instant("proposed", e => e.ProposedAt),
        .. IndexColumn<AllocationIndexEntry>.Instant("updated", e => e.UpdatedAt),
        IndexColumn<AllocationIndexEntry>.Of("version", "bigint", e => e.Version),
    ];

    /// <inheritdoc />
    public override string Selected =>
        "id, year, programme, municipality_code, governorate, status, amount_millimes, disbursed_millimes, proposed_ticks, updated_ticks, version";

    /// <inheritdoc />
    public override AllocationIndexEntry Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new AllocationIndexEntry(
            Id: reader.GetGuid(0),
            Year: reader.GetInt32(1),
            Programme: Enum.Parse<FundProgrammeCode>(reader.GetString(2)),
            MunicipalityCode: reader.GetString(3),
            Governorate: reader.GetString(4),
            Status: Enum.Parse<AllocationStatus>(reader.GetString(5)),
            AmountMillimes: reader.GetInt64(6),
            DisbursedMillimes: reader.GetInt64(7),
            ProposedAt: IndexColumn<AllocationIndexEntry>.Instant(reader, 8),
            UpdatedAt: IndexColumn<AllocationIndexEntry>.Instant(reader, 9),
            Version: reader.GetInt64(10));
    }

    /// <inheritdoc />
    public override void AppendFilter(SqlText sql, AllocationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(filter);
        sql.Append("year = ").Append(sql.Parameter(filter.Year))
            .AndAnyOf("programme", filter.Programmes?.Select(p => p.ToString()))
            .AndAnyOf("governorate", filter.Governorates)
            .AndAnyOf("municipality_code", filter.MunicipalityCodes)
            .AndAnyOf("status", filter.Statuses?.Select(s => s.ToString()));
    }

    /// <inheritdoc />
    public override string SortColumn(AllocationOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Field switch
        {
            AllocationSortField.ProposedAt => "proposed_ticks",
            AllocationSortField.UpdatedAt => "updated_ticks",
            AllocationSortField.Amount => "amount_millimes",
            AllocationSortField.MunicipalityCode => "municipality_code",
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Field, "Unknown sort field."),
        };
    }
}
