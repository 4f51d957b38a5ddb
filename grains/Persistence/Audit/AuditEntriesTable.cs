using Actors.Contracts.Audit;
using Actors.Contracts.Outbox;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Audit;

/// <summary>The table <c>audit_entries</c> (migration 0011): one row per entry of the chain, written once.</summary>
public sealed class AuditEntriesTable : KeysetTable<AuditEntry, AuditFilter, AuditOrder>
{
    /// <inheritdoc />
    public override string Name => "audit_entries";

    /// <inheritdoc />
    public override string Consumer => "audit-trail";

    /// <inheritdoc />
    public override bool AppendOnly => true;

    /// <inheritdoc />
    public override bool FedByOutbox => false;

    /// <inheritdoc />
    public override IReadOnlyList<IndexColumn<AuditEntry>> Columns { get; } =
    [
        IndexColumn<AuditEntry>.Of("id", "uuid", e => e.Id),
        IndexColumn<AuditEntry>.Of("sequence", "bigint", e => e.Sequence),
        IndexColumn<AuditEntry>.Of("at", "timestamptz", e => e.Record.At.ToUniversalTime()),
        IndexColumn<AuditEntry>.Of("at_ticks", "bigint", e => e.Record.At.UtcTicks),
        IndexColumn<AuditEntry>.Of("issuer", "text", e => e.Record.Issuer),
        IndexColumn<AuditEntry>.Of("subject", "text", e => e.Record.Subject),
        IndexColumn<AuditEntry>.Of("role", "text", e => e.Record.Role),
        IndexColumn<AuditEntry>.Of("kind", "text", e => e.Record.Kind.ToString()),
        IndexColumn<AuditEntry>.Of("operation", "text", e => e.Record.Operation),
        // jsonb, not text[]: the insert unnests one array per column, and an array of text[] would be flattened.
        IndexColumn<AuditEntry>.Json("object_ids", e => OutboxJson.SerializeToUtf8(e.Record.ObjectIds)),
        IndexColumn<AuditEntry>.Json("governorates", e => OutboxJson.SerializeToUtf8(e.Record.Governorates)),
        IndexColumn<AuditEntry>.Of("client_address_hash", "text", e => e.Record.ClientAddressHash),
        IndexColumn<AuditEntry>.Of("outcome", "text", e => e.Record.Outcome),
        IndexColumn<AuditEntry>.Of("previous_hash", "text", e => e.PreviousHash),
        IndexColumn<AuditEntry>.Of("hash", "text", e => e.Hash),
    ];

    /// <inheritdoc />
    public override string Selected =>
        "id, sequence, at_ticks, issuer, subject, role, kind, operation, object_ids::text, governorates::text, client_address_hash, outcome, previous_hash, hash";

    /// <inheritdoc />
    public override AuditEntry Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var record = new AuditRecord(
            At: IndexColumn<AuditEntry>.Instant(reader, 2),
            Issuer: reader.GetString(3),
            Subject: reader.GetString(4),
            Role: reader.GetString(5),
            Kind: Enum.Parse<AuditKind>(reader.GetString(6)),
            Operation: reader.GetString(7),
            ObjectIds: OutboxJson.Deserialize<List<string>>(reader.GetString(8)),
            Governorates: OutboxJson.Deserialize<List<string>>(reader.GetString(9)),
            ClientAddressHash: reader.IsDBNull(10) ? null : reader.GetString(10),
            Outcome: reader.GetString(11));
        return new AuditEntry(reader.GetGuid(0), reader.GetInt64(1), record, reader.GetString(12), reader.GetString(13));
    }

    /// <inheritdoc />
    public override void AppendFilter(SqlText sql, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(filter);
        sql.Append("TRUE");
        if (filter.ObjectId is { } objectId)
        {
            sql.Append($" AND object_ids @> jsonb_build_array({sql.Parameter(objectId)}::text)");
        }

        if (filter.Governorate is { } governorate)
        {
            sql.Append($" AND governorates @> jsonb_build_array({sql.Parameter(governorate)}::text)");
        }

        if (filter.Subject is { } subject)
        {
            sql.Append($" AND subject = {sql.Parameter(subject)}");
        }

        if (filter.Operation is { } operation)
        {
            sql.Append($" AND operation = {sql.Parameter(operation)}");
        }

        sql.AndCompare("at_ticks", ">=", filter.From?.UtcTicks)
            .AndCompare("at_ticks", "<", filter.To?.UtcTicks);
    }

    /// <inheritdoc />
    public override string SortColumn(AuditOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Field switch
        {
            AuditSortField.Sequence => "sequence",
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Field, "Unknown sort field."),
        };
    }
}
