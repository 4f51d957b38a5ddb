using System.Globalization;
using System.Text;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>
/// The allocation index in PostgreSQL (table <c>allocation_index</c>, migration 0006), fed by
/// <see cref="AllocationIndexConsumer"/> from the outbox. Pages are keyset queries on (sort column, id) within a
/// fund year; the answers match <c>InMemoryAllocationIndex</c> (the same contract tests run against both).
/// </summary>
public sealed class PostgresAllocationIndex(NpgsqlDataSource dataSource) : IAllocationIndex
{
    /// <summary>The outbox consumer that feeds this index; its checkpoint dates the answers (<c>asOf</c>).</summary>
    public const string ConsumerName = "allocation-index";

    private const string Columns =
        "id, year, programme, municipality_code, governorate, status, amount_millimes, disbursed_millimes, proposed_ticks, updated_ticks, version";

    // Highest version wins: an older or repeated snapshot changes nothing.
    private const string UpsertSql = """
        INSERT INTO allocation_index AS a
          (id, year, programme, municipality_code, governorate, status, amount_millimes, disbursed_millimes,
           proposed_at, proposed_ticks, updated_at, updated_ticks, version)
        SELECT * FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
                             $9::timestamptz[], $10::bigint[], $11::timestamptz[], $12::bigint[], $13::bigint[])
        ON CONFLICT (id) DO UPDATE SET
          year = excluded.year, programme = excluded.programme, municipality_code = excluded.municipality_code,
          governorate = excluded.governorate, status = excluded.status, amount_millimes = excluded.amount_millimes,
          disbursed_millimes = excluded.disbursed_millimes, proposed_at = excluded.proposed_at,
          proposed_ticks = excluded.proposed_ticks, updated_at = excluded.updated_at,
          updated_ticks = excluded.updated_ticks, version = excluded.version
        WHERE a.version < excluded.version
        """;

    /// <inheritdoc />
    public async Task ApplyAsync(IReadOnlyList<AllocationIndexEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await UpsertAsync(entries, connection, null, cancellationToken);
    }

    /// <summary>Upserts inside the caller's transaction: the outbox consumer commits it with its checkpoint.</summary>
    public static async Task UpsertAsync(
        IReadOnlyList<AllocationIndexEntry> entries, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(connection);

        // ON CONFLICT touches a row once per statement: keep each allocation's newest snapshot of the batch.
        var newest = entries.GroupBy(e => e.Id).Select(g => g.MaxBy(e => e.Version)!).ToList();
        if (newest.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.Year).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.Programme.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.MunicipalityCode).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.Governorate).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.Status.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.AmountMillimes).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.DisbursedMillimes).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.ProposedAt.ToUniversalTime()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.ProposedAt.UtcTicks).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.UpdatedAt.ToUniversalTime()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.UpdatedAt.UtcTicks).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = newest.Select(e => e.Version).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AllocationIndexPage> QueryAsync(AllocationIndexQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.First is not null && query.Last is not null)
        {
            throw new ArgumentException("Ask for first or last, not both.", nameof(query));
        }

        if (query.First < 0 || query.Last < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "A page size cannot be negative.");
        }

        var order = query.Order;
        var column = ColumnOf(order.Field);
        var backward = query.Last is not null;
        var size = query.Last ?? query.First;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // The window, read from the cursor outwards (backwards for last/before), one row more than asked.
        var window = new Where(query.Filter);
        if (query.After is { } after)
        {
            window.Keyset(column, order, after, afterCursor: true);
        }

        if (query.Before is { } before)
        {
            window.Keyset(column, order, before, afterCursor: false);
        }

        var direction = order.Descending != backward ? "DESC" : "ASC";
        var sql = $"SELECT {Columns} FROM allocation_index WHERE {window.Sql} ORDER BY {column} {direction}, id {direction}"
                  + (size is { } n ? string.Create(CultureInfo.InvariantCulture, $" LIMIT {n + 1}") : "");
        var rows = new List<AllocationIndexEntry>();
        await using (var read = window.Command(sql, connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader));
            }
        }

        var more = size is { } limit && rows.Count > limit;
        var items = more ? rows.Take(size!.Value).ToList() : rows;
        if (backward)
        {
            items.Reverse();
        }

        var total = await Scalar<long>(new Where(query.Filter), "SELECT count(*) FROM allocation_index WHERE {0}", connection, cancellationToken);
        var rowsBefore = query.After is { } a && await Outside(query.Filter, column, order, a, atOrBefore: true, connection, cancellationToken);
        var rowsAfter = query.Before is { } b && await Outside(query.Filter, column, order, b, atOrBefore: false, connection, cancellationToken);

        await using var asOfCommand = OutboxFreshness.Command(ConsumerName, connection);
        var asOf = new DateTimeOffset((DateTime)(await asOfCommand.ExecuteScalarAsync(cancellationToken))!, TimeSpan.Zero);

        return backward
            ? new AllocationIndexPage(items, HasNextPage: rowsAfter, HasPreviousPage: more || rowsBefore, (int)total, asOf)
            : new AllocationIndexPage(items, HasNextPage: more || rowsAfter, HasPreviousPage: rowsBefore, (int)total, asOf);
    }

    /// <summary>Whether the list has rows at or before (or at or after) a cursor, outside the window.</summary>
    private static async Task<bool> Outside(
        AllocationFilter filter, string column, AllocationOrder order, AllocationCursor cursor, bool atOrBefore, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var where = new Where(filter);
        where.Keyset(column, order, cursor, afterCursor: !atOrBefore, inclusive: true);
        return await Scalar<bool>(where, "SELECT EXISTS (SELECT 1 FROM allocation_index WHERE {0})", connection, cancellationToken);
    }

    private static async Task<T> Scalar<T>(Where where, string template, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = where.Command(string.Format(CultureInfo.InvariantCulture, template, where.Sql), connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string ColumnOf(AllocationSortField field) => field switch
    {
        AllocationSortField.ProposedAt => "proposed_ticks",
        AllocationSortField.UpdatedAt => "updated_ticks",
        AllocationSortField.Amount => "amount_millimes",
        AllocationSortField.MunicipalityCode => "municipality_code",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static AllocationIndexEntry Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetInt32(1),
        Enum.Parse<FundProgrammeCode>(reader.GetString(2)),
        reader.GetString(3),
        reader.GetString(4),
        Enum.Parse<AllocationStatus>(reader.GetString(5)),
        reader.GetInt64(6),
        reader.GetInt64(7),
        new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero),
        new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero),
        reader.GetInt64(10));

    /// <summary>A WHERE clause with its positional parameters: the filter, then any keyset conditions.</summary>
    private sealed class Where
    {
        private readonly StringBuilder _sql = new();
        private readonly List<object> _values = [];

        public Where(AllocationFilter filter)
        {
            _sql.Append("year = ").Append(Parameter(filter.Year));
            AnyOf("programme", filter.Programmes?.Select(p => p.ToString()).ToArray());
            AnyOf("governorate", filter.Governorates?.ToArray());
            AnyOf("municipality_code", filter.MunicipalityCodes?.ToArray());
            AnyOf("status", filter.Statuses?.Select(s => s.ToString()).ToArray());
        }

        public string Sql => _sql.ToString();

        /// <summary>
        /// Rows strictly after (or before) a cursor in the list's order; inclusive adds the cursor's own position.
        /// Sort keys are the ordinal text of <see cref="AllocationOrder.KeyOf"/>: 19-digit numbers or codes.
        /// </summary>
        public void Keyset(string column, AllocationOrder order, AllocationCursor cursor, bool afterCursor, bool inclusive = false)
        {
            var greater = afterCursor != order.Descending;
            var op = (greater ? ">" : "<") + (inclusive ? "=" : "");
            object key = column == "municipality_code"
                ? cursor.SortKey
                : long.TryParse(cursor.SortKey, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && cursor.SortKey.Length == 19
                    ? number
                    : throw new ArgumentException($"Cursor sort key '{cursor.SortKey}' does not belong to this order.", nameof(cursor));
            _sql.Append(" AND (").Append(column).Append(", id) ").Append(op).Append(" (")
                .Append(Parameter(key)).Append(", ").Append(Parameter(cursor.Id)).Append(')');
        }

        public NpgsqlCommand Command(string sql, NpgsqlConnection connection)
        {
            var command = new NpgsqlCommand(sql, connection);
            foreach (var value in _values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            return command;
        }

        private void AnyOf(string column, string[]? values)
        {
            if (values is { Length: > 0 })
            {
                _sql.Append(" AND ").Append(column).Append(" = ANY(").Append(Parameter(values)).Append(')');
            }
        }

        private string Parameter(object value)
        {
            _values.Add(value);
            return string.Create(CultureInfo.InvariantCulture, $"${_values.Count}");
        }
    }
}
