using System.Globalization;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.Outbox;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// The request index in PostgreSQL (<see cref="RequestIndexTable"/>), fed by <see cref="RequestIndexConsumer"/> from
/// the outbox: pages as a <see cref="PostgresKeysetIndex{TEntry, TFilter, TOrder, TTable}"/>, counts from here.
/// </summary>
public sealed class PostgresRequestIndex(NpgsqlDataSource dataSource, ReadQueryGate? gate = null)
    : PostgresKeysetIndex<RequestIndexEntry, RequestFilter, RequestOrder, RequestIndexTable>(dataSource, gate), IRequestIndex
{
    /// <summary>
    /// A page's total from request_counts whenever its filter only uses the summary's columns: at a million requests the
    /// count of a governorate's requests in three statuses read 5.5 s of request_index rows, the summary some milliseconds.
    /// </summary>
    protected override SqlText Counting(RequestFilter filter) => RequestCountsTable.Counting(filter, []) ?? base.Counting(filter);

    /// <inheritdoc />
    public async Task<RequestCounts> CountAsync(
        RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupBy);
        var dimensions = groupBy.Distinct().ToList();
        var columns = dimensions.Select(DimensionColumn).ToList();
        // The counts table when it can answer (thousands of rows instead of every request), otherwise the requests themselves.
        var sql = RequestCountsTable.Counting(filter, dimensions);
        if (sql is null)
        {
            var select = columns.Count == 0 ? "" : string.Join(", ", columns) + ", ";
            sql = Filtered($"SELECT {select}count(*) FROM {Table.Name} WHERE ", filter);
            if (columns.Count > 0)
            {
                var positions = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
                sql.Append($" GROUP BY {positions} ORDER BY {positions}");
            }
        }

        using var turn = await Gate.EnterAsync(cancellationToken);
        await using var batch = DataSource.CreateBatch();
        batch.BatchCommands.Add(sql.ToBatchCommand());
        batch.BatchCommands.Add(OutboxFreshness.BatchCommand(Table.Consumer));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var groups = new List<RequestCountGroup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new Dictionary<RequestDimension, string?>();
            for (var i = 0; i < dimensions.Count; i++)
            {
                key[dimensions[i]] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            groups.Add(new RequestCountGroup(key, reader.GetInt64(dimensions.Count)));
        }

        var asOf = await NextScalarAsync<DateTimeOffset>(reader, cancellationToken);
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
        RequestDimension.School => "school_code",
        RequestDimension.SubmittedMonth => "to_char(submitted_at AT TIME ZONE 'Africa/Tunis', 'YYYY-MM')",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <inheritdoc />
    public async Task<RequestFigures> FiguresAsync(RequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var totals = Filtered(
            $"SELECT count(*), count(*) FILTER (WHERE status IN ({FinalStatuses})), "
            + "count(*) FILTER (WHERE status IN ('Delivered', 'Issued')), count(*) FILTER (WHERE status = 'Rejected'), "
            + "count(*) FILTER (WHERE overdue_since_ticks IS NOT NULL), count(completion_seconds), "
            + "percentile_disc(0.5) WITHIN GROUP (ORDER BY completion_seconds), percentile_disc(0.9) WITHIN GROUP (ORDER BY completion_seconds) "
            + $"FROM {Table.Name} WHERE ",
            filter);

        // The stays' columns are named apart from the table's (status) so that the filter reads the request's columns.
        var stays = Filtered(
            "SELECT stay_status, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY stay_seconds), "
            + "percentile_disc(0.9) WITHIN GROUP (ORDER BY stay_seconds) "
            + $"FROM {Table.Name} CROSS JOIN LATERAL jsonb_to_recordset(status_stays) AS stay(stay_status text, stay_seconds bigint) WHERE ",
            filter);
        stays.Append(" GROUP BY stay_status");

        using var turn = await Gate.EnterAsync(cancellationToken);
        await using var batch = DataSource.CreateBatch();
        batch.BatchCommands.Add(totals.ToBatchCommand());
        batch.BatchCommands.Add(stays.ToBatchCommand());
        batch.BatchCommands.Add(OutboxFreshness.BatchCommand(Table.Consumer));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        var final = reader.GetInt64(1);
        var completed = reader.GetInt64(2);
        var rejected = reader.GetInt64(3);
        var overdue = reader.GetInt64(4);
        var completion = new DurationSummary(reader.GetInt64(5), NullableLong(reader, 6), NullableLong(reader, 7));

        await reader.NextResultAsync(cancellationToken);
        var timeInStatus = new List<StatusDurationSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            timeInStatus.Add(new StatusDurationSummary(
                Enum.Parse<RequestStatus>(reader.GetString(0)),
                new DurationSummary(reader.GetInt64(1), NullableLong(reader, 2), NullableLong(reader, 3))));
        }

        var asOf = await NextScalarAsync<DateTimeOffset>(reader, cancellationToken);

        // Same order as the in-memory index: status names, ordinal (the database's collation may differ).
        timeInStatus.Sort((x, y) => string.CompareOrdinal(x.Status.ToString(), y.Status.ToString()));
        return new RequestFigures(total, final, completed, rejected, overdue, completion, timeInStatus, asOf);
    }

    private static readonly string FinalStatuses =
        string.Join(", ", RequestTransitions.Final.Select(s => $"'{s}'").Order(StringComparer.Ordinal));

    private static long? NullableLong(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
