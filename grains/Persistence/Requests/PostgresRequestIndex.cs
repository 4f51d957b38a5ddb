using System.Globalization;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.Outbox;
using Actors.Persistence.ReadModels;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// The request index in PostgreSQL (<see cref="RequestIndexTable"/>), fed by <see cref="RequestIndexConsumer"/> from
/// the outbox: pages as a <see cref="PostgresKeysetIndex{TEntry, TFilter, TOrder, TTable}"/>, counts from here.
/// </summary>
public sealed class PostgresRequestIndex(NpgsqlDataSource dataSource)
    : PostgresKeysetIndex<RequestIndexEntry, RequestFilter, RequestOrder, RequestIndexTable>(dataSource), IRequestIndex
{
    /// <inheritdoc />
    public async Task<RequestCounts> CountAsync(
        RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupBy);
        var dimensions = groupBy.Distinct().ToList();
        var columns = dimensions.Select(DimensionColumn).ToList();
        var select = columns.Count == 0 ? "" : string.Join(", ", columns) + ", ";
        var sql = Filtered($"SELECT {select}count(*) FROM {Table.Name} WHERE ", filter);
        if (columns.Count > 0)
        {
            var positions = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
            sql.Append($" GROUP BY {positions} ORDER BY {positions}");
        }

        await using var batch = DataSource.CreateBatch();
        batch.BatchCommands.Add(sql.ToBatchCommand());
        batch.BatchCommands.Add(OutboxFreshness.BatchCommand(Table.Consumer));
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
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };
}
