using System.Globalization;
using System.Text;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// The request index in PostgreSQL (table <c>request_index</c>), fed by <see cref="RequestIndexConsumer"/> from the
/// outbox. Pages are keyset queries on (sort key, id), so a page costs the same at the start and the end of a list,
/// and a cursor stays valid when rows around it change.
/// </summary>
public sealed class PostgresRequestIndex(NpgsqlDataSource dataSource) : IRequestIndex
{
    /// <summary>The outbox consumer that feeds this index; its checkpoint dates the answers (<c>asOf</c>).</summary>
    public const string ConsumerName = "request-index";

    private const string Columns =
        "id, reference, kind, status, center_id, governorate, owner_subject, submitted_ticks, updated_ticks, version, is_pupil";

    // Highest version wins: replays, duplicates and late arrivals of older snapshots change nothing.
    private const string UpsertSql = """
        INSERT INTO request_index AS r
          (id, reference, kind, status, center_id, governorate, owner_subject,
           submitted_at, submitted_ticks, updated_at, updated_ticks, version, is_pupil)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                             $8::timestamptz[], $9::bigint[], $10::timestamptz[], $11::bigint[], $12::bigint[], $13::boolean[])
        ON CONFLICT (id) DO UPDATE SET
          reference = excluded.reference, kind = excluded.kind, status = excluded.status,
          center_id = excluded.center_id, governorate = excluded.governorate, owner_subject = excluded.owner_subject,
          submitted_at = excluded.submitted_at, submitted_ticks = excluded.submitted_ticks,
          updated_at = excluded.updated_at, updated_ticks = excluded.updated_ticks,
          version = excluded.version, is_pupil = excluded.is_pupil
        WHERE r.version < excluded.version
        """;

    /// <inheritdoc />
    public async Task ApplyAsync(IReadOnlyList<RequestIndexEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await UpsertAsync(entries, connection, null, cancellationToken);
    }

    /// <summary>The upsert inside a caller's transaction: the outbox consumer commits it with its checkpoint.</summary>
    public static async Task UpsertAsync(
        IReadOnlyList<RequestIndexEntry> entries, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(connection);

        // One statement per batch. ON CONFLICT cannot touch a row twice in one statement: keep each request's newest entry.
        var latest = entries.GroupBy(e => e.Id).Select(g => g.MaxBy(e => e.Version)!).ToList();
        if (latest.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
        Add(command, latest.Select(e => e.Id).ToArray());
        Add(command, latest.Select(e => e.Reference).ToArray());
        Add(command, latest.Select(e => e.Kind.ToString()).ToArray());
        Add(command, latest.Select(e => e.Status.ToString()).ToArray());
        Add(command, latest.Select(e => e.CenterId).ToArray());
        Add(command, latest.Select(e => e.Governorate).ToArray());
        Add(command, latest.Select(e => e.OwnerSubject).ToArray());
        Add(command, latest.Select(e => e.SubmittedAt.ToUniversalTime()).ToArray());
        Add(command, latest.Select(e => e.SubmittedAt.UtcTicks).ToArray());
        Add(command, latest.Select(e => e.UpdatedAt.ToUniversalTime()).ToArray());
        Add(command, latest.Select(e => e.UpdatedAt.UtcTicks).ToArray());
        Add(command, latest.Select(e => e.Version).ToArray());
        Add(command, latest.Select(e => e.IsPupil).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RequestIndexPage> QueryAsync(RequestIndexQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = RequestPageRequest.From(query);

        await using var batch = dataSource.CreateBatch();
        var window = new SqlBuilder();
        window.Append($"SELECT {Columns} FROM request_index WHERE ");
        window.AppendFilter(query.Filter);
        if (query.After is { } after)
        {
            window.Append(" AND ");
            window.AppendKeyset(query.Order, after, beyond: true);
        }

        if (query.Before is { } before)
        {
            window.Append(" AND ");
            window.AppendKeyset(query.Order, before, beyond: false);
        }

        // Backward pages are read from the cursor towards the start, then put back in the requested order.
        var descending = query.Order.Descending != page.Backward;
        var direction = descending ? "DESC" : "ASC";
        window.Append($" ORDER BY {SortColumn(query.Order.Field)} {direction}, id {direction}");
        if (page.Size is { } size)
        {
            window.Append(FormattableString.Invariant($" LIMIT {size + 1}"));
        }

        batch.BatchCommands.Add(window.ToCommand());

        var count = new SqlBuilder();
        count.Append("SELECT count(*) FROM request_index WHERE ");
        count.AppendFilter(query.Filter);
        batch.BatchCommands.Add(count.ToCommand());

        batch.BatchCommands.Add(OutboxFreshness.BatchCommand(ConsumerName));

        // Rows outside the window: at or before the "after" cursor, at or after the "before" cursor.
        if (query.After is { } afterCursor)
        {
            batch.BatchCommands.Add(ExistsOutside(query, afterCursor, beyond: false));
        }

        if (query.Before is { } beforeCursor)
        {
            batch.BatchCommands.Add(ExistsOutside(query, beforeCursor, beyond: true));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var items = new List<RequestIndexEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadEntry(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = checked((int)reader.GetInt64(0));

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var asOf = reader.GetFieldValue<DateTimeOffset>(0);

        var rowsBeforeAfter = false;
        if (query.After is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            rowsBeforeAfter = reader.GetBoolean(0);
        }

        var rowsAfterBefore = false;
        if (query.Before is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            rowsAfterBefore = reader.GetBoolean(0);
        }

        return page.Complete(items, total, asOf, rowsBeforeAfter, rowsAfterBefore);
    }

    /// <inheritdoc />
    public async Task<RequestCounts> CountAsync(
        RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupBy);
        var dimensions = groupBy.Distinct().ToList();
        var columns = dimensions.Select(DimensionColumn).ToList();
        var select = columns.Count == 0 ? "" : string.Join(", ", columns) + ", ";
        var sql = new SqlBuilder();
        sql.Append($"SELECT {select}count(*) FROM request_index WHERE ");
        sql.AppendFilter(filter);
        if (columns.Count > 0)
        {
            var positions = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
            sql.Append($" GROUP BY {positions} ORDER BY {positions}");
        }

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(sql.ToCommand());
        batch.BatchCommands.Add(OutboxFreshness.BatchCommand(ConsumerName));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var groups = new List<RequestCountGroup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new Dictionary<RequestDimension, string>();
            for (var i = 0; i < dimensions.Count; i++)
            {
                key[dimensions[i]] = reader.GetString(i);
            }

            groups.Add(new RequestCountGroup(key, reader.GetInt64(dimensions.Count)));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var asOf = reader.GetFieldValue<DateTimeOffset>(0);
        if (columns.Count == 0)
        {
            var total = groups.Sum(g => g.Count);
            return new RequestCounts(total == 0 ? [] : groups, total, asOf);
        }

        // Same order as the in-memory index: ordinal on the joined key values.
        var ordered = groups.OrderBy(g => string.Join('\u001f', dimensions.Select(d => g.Key[d])), StringComparer.Ordinal).ToList();
        return new RequestCounts(ordered, ordered.Sum(g => g.Count), asOf);
    }

    private static string DimensionColumn(RequestDimension dimension) => dimension switch
    {
        RequestDimension.Kind => "kind",
        RequestDimension.Status => "status",
        RequestDimension.Governorate => "governorate",
        RequestDimension.Center => "center_id",
        RequestDimension.IsPupil => "is_pupil::text",
        RequestDimension.SubmittedDay => "to_char(submitted_at AT TIME ZONE 'Africa/Tunis', 'YYYY-MM-DD')",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    private static NpgsqlBatchCommand ExistsOutside(RequestIndexQuery query, IndexCursor cursor, bool beyond)
    {
        var sql = new SqlBuilder();
        sql.Append("SELECT EXISTS (SELECT 1 FROM request_index WHERE ");
        sql.AppendFilter(query.Filter);
        sql.Append(" AND NOT ");
        sql.AppendKeyset(query.Order, cursor, beyond: !beyond);
        sql.Append(")");
        return sql.ToCommand();
    }

    private static string SortColumn(RequestSortField field) => field switch
    {
        RequestSortField.SubmittedAt => "submitted_ticks",
        RequestSortField.UpdatedAt => "updated_ticks",
        RequestSortField.Reference => "reference",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown sort field."),
    };

    private static RequestIndexEntry ReadEntry(NpgsqlDataReader reader) => new(
        Id: reader.GetGuid(0),
        Reference: reader.GetString(1),
        Kind: Enum.Parse<RequestKind>(reader.GetString(2)),
        Status: Enum.Parse<RequestStatus>(reader.GetString(3)),
        CenterId: reader.GetString(4),
        Governorate: reader.GetString(5),
        OwnerSubject: reader.GetString(6),
        SubmittedAt: new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
        UpdatedAt: new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
        Version: reader.GetInt64(9),
        IsPupil: reader.GetBoolean(10));

    private static void Add<T>(NpgsqlCommand command, T value) =>
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });

    /// <summary>SQL text with positional parameters ($1, $2...), built for one batch command.</summary>
    private sealed class SqlBuilder
    {
        private readonly StringBuilder _text = new();
        private readonly List<NpgsqlParameter> _parameters = [];

        public void Append(string sql) => _text.Append(sql);

        public void AppendFilter(RequestFilter filter)
        {
            _text.Append("TRUE");
            AnyOf("kind", filter.Kinds?.Select(k => k.ToString()).ToArray());
            AnyOf("status", filter.Statuses?.Select(s => s.ToString()).ToArray());
            AnyOf("governorate", filter.Governorates?.ToArray());
            AnyOf("center_id", filter.CenterIds?.ToArray());
            if (filter.OwnerSubject is { } owner)
            {
                _text.Append(" AND owner_subject = ").Append(Parameter(owner));
            }

            if (filter.SubmittedFrom is { } from)
            {
                _text.Append(" AND submitted_ticks >= ").Append(Parameter(from.UtcTicks));
            }

            if (filter.SubmittedBefore is { } until)
            {
                _text.Append(" AND submitted_ticks < ").Append(Parameter(until.UtcTicks));
            }

            if (filter.IsPupil is { } isPupil)
            {
                _text.Append(" AND is_pupil = ").Append(Parameter(isPupil));
            }
        }

        /// <summary>
        /// Rows strictly beyond the cursor in the list's order (<paramref name="beyond"/>), or strictly short of it.
        /// Row comparison on (key, id) matches the (key, id) indexes.
        /// </summary>
        public void AppendKeyset(RequestOrder order, IndexCursor cursor, bool beyond)
        {
            var greater = beyond != order.Descending;
            var key = order.Field == RequestSortField.Reference
                ? Parameter(cursor.SortKey)
                : Parameter(ParseTicks(cursor.SortKey));
            _text.Append('(').Append(SortColumn(order.Field)).Append(", id) ")
                .Append(greater ? '>' : '<').Append(" (").Append(key).Append(", ").Append(Parameter(cursor.Id)).Append(')');
        }

        public NpgsqlBatchCommand ToCommand()
        {
            var command = new NpgsqlBatchCommand(_text.ToString());
            command.Parameters.AddRange(_parameters.ToArray());
            return command;
        }

        private void AnyOf(string column, string[]? values)
        {
            if (values is { Length: > 0 })
            {
                _text.Append(" AND ").Append(column).Append(" = ANY(").Append(Parameter(values)).Append(')');
            }
        }

        private string Parameter<T>(T value)
        {
            _parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
            return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        private static long ParseTicks(string sortKey) =>
            long.TryParse(sortKey, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? ticks
                : throw new ArgumentException($"Cursor sort key '{sortKey}' is not a timestamp of this order.", nameof(sortKey));
    }
}
