using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Outbox;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Exchanges;

/// <summary>The table <c>exchange_log</c> (migration 0008): one row per exchange, written once.</summary>
public sealed class ExchangeLogTable : KeysetTable<ExchangeLogEntry, ExchangeFilter, ExchangeOrder>
{
    /// <inheritdoc />
    public override string Name => "exchange_log";

    /// <inheritdoc />
    public override string Consumer => "exchange-log";

    /// <inheritdoc />
    public override bool AppendOnly => true;

    /// <inheritdoc />
    public override IReadOnlyList<IndexColumn<ExchangeLogEntry>> Columns { get; } =
    [
        IndexColumn<ExchangeLogEntry>.Of("id", "uuid", e => e.Exchange.Id),
        IndexColumn<ExchangeLogEntry>.Of("request_id", "uuid", e => e.Exchange.RequestId),
        IndexColumn<ExchangeLogEntry>.Of("request_reference", "text", e => e.Exchange.RequestReference),
        IndexColumn<ExchangeLogEntry>.Of("center_id", "text", e => e.Exchange.CenterId),
        IndexColumn<ExchangeLogEntry>.Of("governorate", "text", e => e.Exchange.Governorate),
        IndexColumn<ExchangeLogEntry>.Of("system", "text", e => e.Exchange.System.ToString()),
        IndexColumn<ExchangeLogEntry>.Of("purpose", "text", e => e.Exchange.Purpose),
        // jsonb, not text[]: the upsert unnests one array per column, and an array of text[] would be flattened.
        IndexColumn<ExchangeLogEntry>.Json("data_items", e => OutboxJson.SerializeToUtf8(e.Exchange.DataItems)),
        IndexColumn<ExchangeLogEntry>.Of("outcome", "text", e => e.Exchange.Outcome),
        IndexColumn<ExchangeLogEntry>.Of("detail", "text", e => e.Exchange.Detail),
        IndexColumn<ExchangeLogEntry>.Of("latency_milliseconds", "bigint", e => e.Exchange.LatencyMilliseconds),
        IndexColumn<ExchangeLogEntry>.Of("attempts", "integer", e => e.Exchange.Attempts),
        IndexColumn<ExchangeLogEntry>.Of("triggered_by", "text", e => e.Exchange.TriggeredBy),
        // As IndexColumn.Instant writes an instant, under the exchange's own name "at" (not "at_at").
        IndexColumn<ExchangeLogEntry>.Of("at", "timestamptz", e => e.Exchange.At.ToUniversalTime()),
        IndexColumn<ExchangeLogEntry>.Of("at_ticks", "bigint", e => e.Exchange.At.UtcTicks),
        IndexColumn<ExchangeLogEntry>.Of("version", "bigint", e => e.Version),
    ];

    /// <inheritdoc />
    public override string Selected =>
        "id, request_id, request_reference, center_id, governorate, system, purpose, data_items::text, outcome, latency_milliseconds, attempts, triggered_by, at_ticks, version, detail";

    /// <inheritdoc />
    public override ExchangeLogEntry Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var exchange = new ExchangeRecord(
            Id: reader.GetGuid(0),
            RequestId: reader.GetGuid(1),
            RequestReference: reader.GetString(2),
            CenterId: reader.GetString(3),
            Governorate: reader.GetString(4),
            System: Enum.Parse<OutsideSystem>(reader.GetString(5)),
            Purpose: reader.GetString(6),
            DataItems: OutboxJson.Deserialize<List<string>>(reader.GetString(7)),
            Outcome: reader.GetString(8),
            LatencyMilliseconds: reader.GetInt64(9),
            Attempts: reader.GetInt32(10),
            TriggeredBy: reader.GetString(11),
            At: IndexColumn<ExchangeLogEntry>.Instant(reader, 12),
            Detail: reader.IsDBNull(14) ? null : reader.GetString(14));
        return new ExchangeLogEntry(exchange, reader.GetInt64(13));
    }

    /// <inheritdoc />
    public override void AppendFilter(SqlText sql, ExchangeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(filter);
        sql.Append("TRUE")
            .AndCompare("id", "=", filter.ExchangeId)
            .AndCompare("request_id", "=", filter.RequestId)
            .AndAnyOf("system", filter.Systems?.Select(s => s.ToString()))
            .AndAnyOf("governorate", filter.Governorates)
            .AndAnyOf("center_id", filter.CenterIds)
            .AndAnyOf("outcome", filter.Outcomes)
            .AndCompare("at_ticks", ">=", filter.From?.UtcTicks)
            .AndCompare("at_ticks", "<", filter.To?.UtcTicks);
    }

    /// <inheritdoc />
    public override string SortColumn(ExchangeOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Field switch
        {
            ExchangeSortField.At => "at_ticks",
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Field, "Unknown sort field."),
        };
    }
}
