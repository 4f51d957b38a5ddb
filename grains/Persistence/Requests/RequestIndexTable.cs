using System.Text.Json;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// The table <c>request_index</c> (migrations 0005, 0007, 0009, 0010, 0011): the columns requests are filtered, sorted and counted by,
/// and each request's document (jsonb).
/// </summary>
public sealed class RequestIndexTable : KeysetTable<RequestIndexEntry, RequestFilter, RequestOrder>
{
    /// <inheritdoc />
    public override string Name => "request_index";

    /// <inheritdoc />
    public override string Consumer => "request-index";

    /// <inheritdoc />
    public override IReadOnlyList<IndexColumn<RequestIndexEntry>> Columns { get; } =
    [
        IndexColumn<RequestIndexEntry>.Of("id", "uuid", e => e.Id),
        IndexColumn<RequestIndexEntry>.Of("reference", "text", e => e.Reference),
        IndexColumn<RequestIndexEntry>.Of("kind", "text", e => e.Kind.ToString()),
        IndexColumn<RequestIndexEntry>.Of("status", "text", e => e.Status.ToString()),
        IndexColumn<RequestIndexEntry>.Of("center_id", "text", e => e.CenterId),
        IndexColumn<RequestIndexEntry>.Of("governorate", "text", e => e.Governorate),
        IndexColumn<RequestIndexEntry>.Of("owner_subject", "text", e => e.OwnerSubject),
        IndexColumn<RequestIndexEntry>.Of("owner_issuer", "text", e => e.OwnerIssuer),
        IndexColumn<RequestIndexEntry>.Of("owner_national_id", "text", e => e.OwnerNationalIdNumber),
        .. IndexColumn<RequestIndexEntry>.Instant("submitted", e => e.SubmittedAt),
        .. IndexColumn<RequestIndexEntry>.Instant("updated", e => e.UpdatedAt),
        IndexColumn<RequestIndexEntry>.Of("version", "bigint", e => e.Version),
        IndexColumn<RequestIndexEntry>.Of("is_pupil", "boolean", e => e.IsPupil),
        IndexColumn<RequestIndexEntry>.Json("document", e => e.Document is null ? null : OutboxJson.SerializeToUtf8(e.Document)),
        IndexColumn<RequestIndexEntry>.Of("due_ticks", "bigint", e => e.DueAt?.UtcTicks),
        IndexColumn<RequestIndexEntry>.Of("overdue_since_ticks", "bigint", e => e.OverdueSince?.UtcTicks),
        IndexColumn<RequestIndexEntry>.Of("escalated_ticks", "bigint", e => e.EscalatedAt?.UtcTicks),
        IndexColumn<RequestIndexEntry>.Of("stuck_rank", "bigint", e => e.StuckRank),
        IndexColumn<RequestIndexEntry>.Of("school_code", "text", e => e.SchoolCode),
        IndexColumn<RequestIndexEntry>.Of("completion_seconds", "bigint", e => e.CompletionSeconds),
        IndexColumn<RequestIndexEntry>.Json("status_stays", e => JsonSerializer.SerializeToUtf8Bytes(
            e.Stays.Select(s => new Dictionary<string, object> { ["stay_status"] = s.Status.ToString(), ["stay_seconds"] = s.Seconds }))),
    ];

    /// <inheritdoc />
    public override string Selected =>
        "id, reference, kind, status, center_id, governorate, owner_subject, submitted_ticks, updated_ticks, version, is_pupil, document, "
        + "due_ticks, overdue_since_ticks, escalated_ticks, owner_issuer, owner_national_id";

    /// <inheritdoc />
    public override string SelectedWithoutDocuments => Selected.Replace(" document,", " NULL::text AS document,", StringComparison.Ordinal);

    /// <inheritdoc />
    public override RequestIndexEntry Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new RequestIndexEntry(
            Id: reader.GetGuid(0),
            Reference: reader.GetString(1),
            Kind: Enum.Parse<RequestKind>(reader.GetString(2)),
            Status: Enum.Parse<RequestStatus>(reader.GetString(3)),
            CenterId: reader.GetString(4),
            Governorate: reader.GetString(5),
            OwnerSubject: reader.GetString(6),
            SubmittedAt: IndexColumn<RequestIndexEntry>.Instant(reader, 7),
            UpdatedAt: IndexColumn<RequestIndexEntry>.Instant(reader, 8),
            Version: reader.GetInt64(9),
            IsPupil: reader.GetBoolean(10),
            Document: reader.IsDBNull(11) ? null : OutboxJson.Deserialize<CitizenRequestView>(reader.GetString(11)),
            DueAt: NullableInstant(reader, 12),
            OverdueSince: NullableInstant(reader, 13),
            EscalatedAt: NullableInstant(reader, 14),
            OwnerIssuer: reader.GetString(15),
            OwnerNationalIdNumber: reader.IsDBNull(16) ? null : reader.GetString(16));
    }

    /// <inheritdoc />
    public override void AppendFilter(SqlText sql, RequestFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(filter);
        sql.Append("TRUE")
            .AndAnyOf("kind", filter.Kinds?.Select(k => k.ToString()))
            .AndAnyOf("status", filter.Statuses?.Select(s => s.ToString()))
            .AndAnyOf("governorate", filter.Governorates)
            .AndAnyOf("center_id", filter.CenterIds)
            .AndCompare("submitted_ticks", ">=", filter.SubmittedFrom?.UtcTicks)
            .AndCompare("submitted_ticks", "<", filter.SubmittedBefore?.UtcTicks)
            .AndCompare("is_pupil", "=", filter.IsPupil)
            .AndAnyOf("school_code", filter.SchoolCode is { } school ? [school] : null);
        sql.Append(Presence(filter.Overdue, "overdue_since_ticks") ?? "").Append(Presence(filter.Escalated, "escalated_ticks") ?? "");
        AppendOwner(sql, filter);
    }

    /// <inheritdoc />
    public override string SortColumn(RequestOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Field switch
        {
            RequestSortField.SubmittedAt => "submitted_ticks",
            RequestSortField.UpdatedAt => "updated_ticks",
            RequestSortField.Reference => "reference",
            RequestSortField.Stuck => "stuck_rank",
            _ => throw new ArgumentOutOfRangeException(nameof(order), order.Field, "Unknown sort field."),
        };
    }

    /// <summary>
    /// Pages in submission order filtered by listed statuses and/or governorates (a supervisor's desk queues) are read
    /// one walk per status and governorate: (governorate, status, submitted_ticks, id) of 0014, (status, ...) and
    /// (governorate, ...) of 0005. Not when a more selective condition has its own index (an owner, centers, a school,
    /// overdue or escalated requests), nor for more than <see cref="MostWalks"/> combinations.
    /// </summary>
    public override (IReadOnlyList<ListedValues> Walks, RequestFilter Remaining)? WalksFor(RequestFilter filter, RequestOrder order)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Field != RequestSortField.SubmittedAt
            || filter.OwnerSubject is not null || filter.OwnerNationalIdNumber is not null || filter.CenterIds is { Count: > 0 }
            || filter.SchoolCode is not null || filter.Overdue is true || filter.Escalated is true)
        {
            return null;
        }

        var listed = new List<ListedValues>();
        if (filter.Governorates is { Count: > 0 } governorates)
        {
            listed.Add(new ListedValues("governorate", governorates.Distinct(StringComparer.Ordinal).ToList()));
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            listed.Add(new ListedValues("status", statuses.Select(s => s.ToString()).Distinct(StringComparer.Ordinal).ToList()));
        }

        var combinations = listed.Aggregate(1, (product, l) => product * l.Values.Count);
        return listed.Count > 0 && combinations <= MostWalks ? (listed, filter with { Governorates = null, Statuses = null }) : null;
    }

    /// <summary>Beyond this many walks, reading (at most) a page from each costs more than the one query's plan.</summary>
    private const int MostWalks = 32;

    /// <summary>The owner condition of <see cref="RequestFilter.MatchesOwner"/>: (subject and issuer) or national ID number.</summary>
    private static void AppendOwner(SqlText sql, RequestFilter filter)
    {
        if (filter.OwnerSubject is null && filter.OwnerNationalIdNumber is null)
        {
            return;
        }

        sql.Append(" AND (FALSE");
        if (filter.OwnerSubject is { } subject)
        {
            sql.Append(" OR (owner_subject = ").Append(sql.Parameter(subject));
            if (filter.OwnerIssuer is { } issuer)
            {
                // The empty issuer of older rows is the legacy development issuer (RequestAccess.LegacyIssuer).
                sql.Append(" AND (CASE owner_issuer WHEN '' THEN ").Append(sql.Parameter(RequestAccess.LegacyIssuer))
                    .Append(" ELSE owner_issuer END) = ").Append(sql.Parameter(RequestAccess.Normalized(issuer)));
            }

            sql.Append(")");
        }

        if (filter.OwnerNationalIdNumber is { } number)
        {
            sql.Append(" OR owner_national_id = ").Append(sql.Parameter(number));
        }

        sql.Append(")");
    }

    private static DateTimeOffset? NullableInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : IndexColumn<RequestIndexEntry>.Instant(reader, ordinal);

    private static string? Presence(bool? present, string column) => present switch
    {
        true => $" AND {column} IS NOT NULL",
        false => $" AND {column} IS NULL",
        null => null,
    };
}
