using System.Globalization;
using Npgsql;

namespace Actors.Bench;

/// <summary>
/// Where PostgreSQL spends its time during a measured phase (<c>--statements</c>): pg_stat_statements, loaded by the
/// throwaway server's settings, reset before the phase and read after it, per unit of the phase (a transition, an answer).
/// </summary>
public static class StatementProfile
{
    /// <summary>The server settings that load pg_stat_statements and count nested statements too.</summary>
    public static IReadOnlyList<string> ServerSettings { get; } = ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all"];

    /// <summary>Creates the extension in the database if needed and forgets what was counted so far.</summary>
    public static async Task ResetAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await ScalarAsync(database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await ScalarAsync(database, "SELECT pg_stat_statements_reset()");
    }

    /// <summary>
    /// pg_stat_statements' top 20 by execution time, per <paramref name="unit"/>: calls, execution ms (a statement run by
    /// a trigger or a function is counted twice: in itself, nested, and in the statement that fired it, top level), rows,
    /// WAL bytes and the milliseconds of JIT compilation per call (a plan whose estimated cost passes
    /// <c>jit_above_cost</c> is compiled at every execution); then the sums of the top-level statements, which is what
    /// the clients' statements cost PostgreSQL.
    /// </summary>
    public static async Task<string> ReadAsync(NpgsqlDataSource database, long units, string unit)
    {
        ArgumentNullException.ThrowIfNull(database);
        var n = Math.Max(1, units).ToString(CultureInfo.InvariantCulture);
        return await ScalarAsync(database, $$"""
            WITH s AS (
              SELECT toplevel, calls, total_exec_time, rows, wal_bytes, query,
                jit_generation_time + jit_inlining_time + jit_optimization_time + jit_emission_time AS jit_time
              FROM pg_stat_statements
              WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())),
            top AS (SELECT * FROM s ORDER BY total_exec_time DESC LIMIT 20)
            SELECT '| calls | per {{unit}} | exec ms per {{unit}} | mean ms | rows per call | WAL bytes per {{unit}} | JIT ms per call | level | statement |' || E'\n'
                || '|---|---|---|---|---|---|---|---|---|' || E'\n'
                || string_agg(format('| %s | %s | %s | %s | %s | %s | %s | %s | %s |', calls, round(calls::numeric / {{n}}, 2),
                     round(total_exec_time::numeric / {{n}}, 3), round((total_exec_time / greatest(calls, 1))::numeric, 3),
                     round(rows::numeric / greatest(calls, 1), 1), round(wal_bytes / {{n}}, 0),
                     round((jit_time / greatest(calls, 1))::numeric, 1), CASE WHEN toplevel THEN 'top' ELSE 'nested' END, left(regexp_replace(query, '\s+', ' ', 'g'), 140)),
                     E'\n' ORDER BY total_exec_time DESC) || E'\n'
                || (SELECT format('top-level statements: %s calls, %s exec ms, %s WAL bytes per {{unit}}',
                      round(sum(calls)::numeric / {{n}}, 2), round(sum(total_exec_time)::numeric / {{n}}, 3),
                      round(sum(wal_bytes) / {{n}}, 0)) FROM s WHERE toplevel)
            FROM top
            """);
    }

    private static async Task<string> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}
