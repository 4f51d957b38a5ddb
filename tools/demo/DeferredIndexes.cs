using Npgsql;

namespace Actors.Demo;

/// <summary>
/// A bulk load that at least doubles a table builds the table's secondary indexes once, after the rows are in, instead of
/// maintaining each of them row by row (what pg_restore does): a sorted build per index is several times cheaper than a
/// million insertions into a dozen B-trees. Indexes that back a constraint (the primary key) stay. The definitions are
/// PostgreSQL's own (<c>pg_get_indexdef</c>), so the indexes come back exactly as the migrations made them.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly IReadOnlyList<(string Name, string Definition)> dropped;

    private DeferredIndexes(IReadOnlyList<(string Name, string Definition)> dropped) => this.dropped = dropped;

    /// <summary>The secondary indexes put aside while the load runs: none when the table held as many rows as the load brings.</summary>
    public IReadOnlyList<string> Names => dropped.Select(d => d.Name).ToList();

    /// <summary>
    /// Drops <paramref name="table"/>'s secondary indexes, keeping their definitions, if it holds fewer rows than the
    /// <paramref name="rows"/> about to be loaded (rows already there are indexed again with the new ones).
    /// </summary>
    public static async Task<DeferredIndexes> DropForLoadAsync(NpgsqlDataSource dataSource, string table, int rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var held = new NpgsqlCommand($"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT $1) AS held", connection, transaction))
        {
            held.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows });
            if ((long)(await held.ExecuteScalarAsync(cancellationToken))! >= rows)
            {
                return new DeferredIndexes([]);
            }
        }

        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index AS i
            WHERE i.indrelid = $1::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = i.indexrelid)
            ORDER BY 1
            """, connection, transaction))
        {
            list.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX {name}", connection, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new DeferredIndexes(indexes);
    }

    /// <summary>
    /// Builds the indexes put aside, <paramref name="parallel"/> at a time. Not cancellable: whatever became of the load,
    /// the table gets its indexes back.
    /// </summary>
    public async Task RebuildAsync(NpgsqlDataSource dataSource, int parallel)
    {
        await Parallel.ForEachAsync(
            dropped,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel) },
            async (index, _) =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
                // The default 64 MB sorts a million keys on disk in pieces; one sort in memory is the point of building late.
                await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
                {
                    await memory.ExecuteNonQueryAsync(CancellationToken.None);
                }

                await using var create = new NpgsqlCommand(index.Definition, connection) { CommandTimeout = 0 };
                await create.ExecuteNonQueryAsync(CancellationToken.None);
            });
    }
}
