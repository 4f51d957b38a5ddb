using System.Globalization;
using Actors.Contracts.ReadModels;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.ReadModels;

/// <summary>
/// A keyset index in a PostgreSQL table, fed by an outbox consumer. Pages are keyset queries on (sort column, id), so
/// a page costs the same at the start and the end of a list and a cursor stays valid when rows around it change; a
/// page, its total, its freshness and what lies outside it are one batch, one round trip. Queries take their turn at
/// <paramref name="gate"/> (none without one); the consumer's writes do not.
/// </summary>
public abstract class PostgresKeysetIndex<TEntry, TFilter, TOrder, TTable>(NpgsqlDataSource dataSource, ReadQueryGate? gate = null)
    : IKeysetIndex<TEntry, TFilter, TOrder>
    where TEntry : IIndexEntry
    where TOrder : IKeysetOrder<TEntry>
    where TTable : KeysetTable<TEntry, TFilter, TOrder>, new()
{
    /// <summary>The outbox consumer that feeds the table; its checkpoint dates the answers (<c>asOf</c>).</summary>
    public static string ConsumerName => Table.Consumer;

    protected static TTable Table { get; } = new();

    protected NpgsqlDataSource DataSource => dataSource;

    /// <summary>The bound on this host's read-model queries at once: enter before a query's batch, leave after its reader.</summary>
    protected ReadQueryGate Gate => gate ?? ReadQueryGate.Unbounded;

    /// <inheritdoc />
    public async Task ApplyAsync(IReadOnlyList<TEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await UpsertAsync(entries, connection, null, cancellationToken);
    }

    /// <summary>
    /// Upserts in one statement, inside the caller's transaction (the outbox consumer commits it with its
    /// checkpoint). Highest version wins (the first write, for an append-only table): replays, duplicates and late
    /// arrivals of older rows change nothing.
    /// </summary>
    public static async Task UpsertAsync(
        IReadOnlyList<TEntry> entries, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(connection);

        // ON CONFLICT cannot touch a row twice in one statement: keep each row's newest entry of the batch (its first
        // one for an append-only table, as a row-by-row insert would).
        var newest = entries.GroupBy(e => e.Id).Select(g => Table.AppendOnly ? g.First() : g.MaxBy(e => e.Version)!).ToList();
        if (newest.Count == 0)
        {
            return;
        }

        var sql = new SqlText();
        var names = string.Join(", ", Table.Columns.Select(c => c.Name));
        var arrays = string.Join(", ", Table.Columns.Select(c => $"{sql.Add(c.Values(newest))}::{c.SqlType}[]"));
        var updates = string.Join(", ", Table.Columns.Where(c => c.Name != "id").Select(c => $"{c.Name} = excluded.{c.Name}"));
        var onConflict = Table.AppendOnly ? "DO NOTHING" : $"DO UPDATE SET {updates} WHERE stored.version < excluded.version";
        sql.Append($"""
            INSERT INTO {Table.Name} AS stored ({names})
            SELECT * FROM unnest({arrays})
            ON CONFLICT (id) {onConflict}
            """);
        await using var command = sql.ToCommand(connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<KeysetPage<TEntry>> QueryAsync(KeysetQuery<TFilter, TOrder> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var read = query.Validate();
        var column = Table.SortColumn(query.Order);

        using var turn = await Gate.EnterAsync(cancellationToken);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(PageStatement(query).ToBatchCommand());
        if (!query.WithoutTotal)
        {
            batch.BatchCommands.Add(Counting(query.Filter).ToBatchCommand());
        }

        batch.BatchCommands.Add(Table.FedByOutbox ? OutboxFreshness.BatchCommand(Table.Consumer) : new NpgsqlBatchCommand("SELECT now()"));
        if (query.After is { } afterCursor)
        {
            batch.BatchCommands.Add(ExistsOutside(query, column, afterCursor, beyond: false));
        }

        if (query.Before is { } beforeCursor)
        {
            batch.BatchCommands.Add(ExistsOutside(query, column, beforeCursor, beyond: true));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var rows = new List<TEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Table.Read(reader));
        }

        var total = query.WithoutTotal ? KeysetPage<TEntry>.NotCounted : checked((int)await NextScalarAsync<long>(reader, cancellationToken));
        var asOf = await NextScalarAsync<DateTimeOffset>(reader, cancellationToken);
        var rowsAtOrBeforeAfter = query.After is not null && await NextScalarAsync<bool>(reader, cancellationToken);
        var rowsAtOrAfterBefore = query.Before is not null && await NextScalarAsync<bool>(reader, cancellationToken);
        return read.Complete(rows, total, asOf, rowsAtOrBeforeAfter, rowsAtOrAfterBefore);
    }

    /// <summary>The statement that reads a page's rows, in the order the page is read (a backward page from its end).</summary>
    public static SqlText PageStatement(KeysetQuery<TFilter, TOrder> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var read = query.Validate();
        var column = Table.SortColumn(query.Order);
        // Backward pages are read from their end towards the start; KeysetRead puts them back in the list's order.
        var direction = query.Order.Descending != read.Backward ? "DESC" : "ASC";
        var walked = read.Limit is null ? null : Table.WalksFor(query.Filter, query.Order);
        var walks = walked?.Walks is { Count: > 0 } listed ? listed : null;
        var filter = walks is null ? query.Filter : walked!.Value.Remaining;
        var window = new SqlText();
        if (walks is not null)
        {
            // One walk per combination of listed values (unnest × unnest), each an index scan that stops after a page.
            window.Append("SELECT walk.* FROM ");
            window.Append(string.Join(" CROSS JOIN ", walks.Select((w, i) => $"unnest({window.Parameter(w.Values.ToArray())}::text[]) AS listed{i}(value)")));
            window.Append(" CROSS JOIN LATERAL (");
        }

        window.Append($"SELECT {(query.WithoutDocuments ? Table.SelectedWithoutDocuments : Table.Selected)} FROM {Table.Name} WHERE ");
        Table.AppendFilter(window, filter);
        foreach (var (walk, i) in (walks ?? []).Select((w, i) => (w, i)))
        {
            window.Append($" AND {Table.Name}.{walk.Column} = listed{i}.value");
        }

        if (query.After is { } after)
        {
            AppendKeyset(window.Append(" AND "), query.Order, column, after, beyond: true);
        }

        if (query.Before is { } before)
        {
            AppendKeyset(window.Append(" AND "), query.Order, column, before, beyond: false);
        }

        var limited = read.Limit is { } limit ? string.Create(CultureInfo.InvariantCulture, $" LIMIT {limit}") : "";
        window.Append($" ORDER BY {column} {direction}, id {direction}{limited}");
        if (walks is not null)
        {
            window.Append($") AS walk ORDER BY walk.{column} {direction}, walk.id {direction}{limited}");
        }

        return window;
    }

    /// <summary>The statement that counts the list's rows for its total (one bigint): the table's rows unless a summary can answer.</summary>
    protected virtual SqlText Counting(TFilter filter) => Filtered($"SELECT count(*) FROM {Table.Name} WHERE ", filter);

    /// <summary>A statement that starts with <paramref name="head"/> (ending in <c>WHERE </c>), then the filter.</summary>
    protected static SqlText Filtered(string head, TFilter filter)
    {
        var sql = new SqlText().Append(head);
        Table.AppendFilter(sql, filter);
        return sql;
    }

    /// <summary>The value of the next result's single row and column.</summary>
    protected static async Task<T> NextScalarAsync<T>(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<T>(0);
    }

    /// <summary>Whether the filtered list has rows at or short of (<paramref name="beyond"/> false) or at or beyond a cursor.</summary>
    private static NpgsqlBatchCommand ExistsOutside(KeysetQuery<TFilter, TOrder> query, string column, KeysetCursor cursor, bool beyond)
    {
        var sql = Filtered($"SELECT EXISTS (SELECT 1 FROM {Table.Name} WHERE ", query.Filter);
        AppendKeyset(sql.Append(" AND NOT "), query.Order, column, cursor, beyond: !beyond);
        return sql.Append(")").ToBatchCommand();
    }

    /// <summary>
    /// <c>(column, id) &gt; (key, id)</c>: rows strictly beyond the cursor in the list's order
    /// (<paramref name="beyond"/>), or strictly short of it. A row comparison matches the (column, id) indexes.
    /// </summary>
    private static void AppendKeyset(SqlText sql, TOrder order, string column, KeysetCursor cursor, bool beyond)
    {
        var key = order.KeyKind == SortKeyKind.Number ? sql.Parameter(SortKeys.ToNumber(cursor.SortKey)) : sql.Parameter(cursor.SortKey);
        var op = beyond != order.Descending ? '>' : '<';
        sql.Append($"({column}, id) {op} ({key}, {sql.Parameter(cursor.Id)})");
    }
}
