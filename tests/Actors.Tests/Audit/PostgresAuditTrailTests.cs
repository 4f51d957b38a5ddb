using System.Diagnostics;
using Actors.Contracts.Audit;
using Actors.Persistence;
using Actors.Persistence.Audit;
using Actors.Tests.Infrastructure;
using Npgsql;

namespace Actors.Tests.Audit;

/// <summary>The audit trail contract against PostgreSQL, and what the table refuses: each test gets a freshly migrated database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTrailTests(PostgresServer server) : AuditTrailContractTests, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string _connectionString = "";

    [Fact]
    public async Task The_table_refuses_update_delete_and_truncate()
    {
        var trail = await CreateTrailAsync();
        await trail.AppendAsync([Record("op", "obj-1"), Record("op", "obj-2")], Cancel);

        foreach (var statement in new[] { "UPDATE audit_entries SET outcome = 'FORBIDDEN' WHERE sequence = 1", "DELETE FROM audit_entries WHERE sequence = 2", "TRUNCATE audit_entries" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(2, (await trail.ReadChainAsync(0, 10, Cancel)).Count);
        Assert.True((await AuditChainVerifier.VerifyAsync(trail, 10, Cancel)).Intact);
    }

    [Fact]
    public async Task A_row_changed_by_a_superuser_past_the_triggers_fails_verification_at_its_sequence()
    {
        var trail = await CreateTrailAsync();
        await trail.AppendAsync([.. Enumerable.Range(1, 5).Select(i => Record("request", $"req-{i}", kind: AuditKind.Read))], Cancel);
        var held = (await trail.ReadChainAsync(0, 10, Cancel))[2];

        // session_replication_role = replica skips ordinary triggers: only a superuser may set it.
        await ExecuteAsync("SET session_replication_role = replica; UPDATE audit_entries SET subject = 'someone-else' WHERE sequence = 3");

        var verification = await AuditChainVerifier.VerifyAsync(trail, 2, Cancel);
        var broken = Assert.IsType<AuditChainBreak>(verification.Break);
        Assert.Equal(3, broken.Sequence);
        Assert.Equal("hash", broken.Field);
        Assert.Equal(held.Hash, broken.Found);
        Assert.Equal(2, verification.EntriesChecked);

        Assert.Equal(1, await VerifyCommandAsync());
    }

    [Fact]
    public async Task A_row_deleted_by_a_superuser_fails_verification_where_the_gap_is_and_the_command_says_so()
    {
        var trail = await CreateTrailAsync();
        await trail.AppendAsync([.. Enumerable.Range(1, 4).Select(i => Record("op", $"obj-{i}"))], Cancel);
        Assert.Equal(0, await VerifyCommandAsync());

        await ExecuteAsync("SET session_replication_role = replica; DELETE FROM audit_entries WHERE sequence = 2");

        Assert.Equal(new AuditChainBreak(2, "sequence", "2", "3"), (await AuditChainVerifier.VerifyAsync(trail, 10, Cancel)).Break);
        Assert.Equal(1, await VerifyCommandAsync());
    }

    [Fact]
    public async Task An_append_on_a_connection_that_began_with_a_small_trail_still_probes_it_by_index()
    {
        // The hosts' settings (statements prepared after a few uses), one connection: its prepared statements are
        // planned while the trail is small, then run against a trail that has grown.
        _connectionString = await server.CreateDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithActorsDefaults(_connectionString)) { MaxPoolSize = 1 }.ConnectionString);
        _dataSources.Add(dataSource);
        var trail = new PostgresAuditTrail(dataSource);
        await trail.AppendAsync([.. Enumerable.Range(0, 60).Select(i => Record("op", $"small-{i}"))], Cancel);
        // What autovacuum does early in a new database's life: the statistics say the trail is small.
        await ExecuteAsync("ANALYZE audit_entries");
        for (var i = 0; i < 8; i++)
        {
            await trail.AppendAsync([Record("op", $"small-again-{i}")], Cancel);
        }

        await trail.AppendAsync([.. Enumerable.Range(0, 20_000).Select(i => Record("request", $"grown-{i}", kind: AuditKind.Read))], Cancel);
        var before = await SettledScansAsync(previous: null);

        await trail.AppendAsync([Record("op", "after-growth")], Cancel);

        var after = await SettledScansAsync(before);
        Assert.True(after.Index > before.Index, "the append's lookups were reported");
        Assert.Equal(before.Sequential, after.Sequential);
    }

    /// <summary>The trail's scan counters once the appending backend has reported its statistics (at most a second after it goes idle).</summary>
    private async Task<(long Sequential, long Index)> SettledScansAsync((long Sequential, long Index)? previous)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await Task.Delay(1500, Cancel);
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(Cancel);
            await using var read = new NpgsqlCommand("SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'audit_entries'", connection);
            await using var reader = await read.ExecuteReaderAsync(Cancel);
            await reader.ReadAsync(Cancel);
            var scans = (reader.GetInt64(0), reader.GetInt64(1));
            if (previous is null ? scans.Item2 > 0 : scans.Item2 > previous.Value.Index || DateTime.UtcNow > deadline)
            {
                return scans;
            }
        }
    }

    protected override async Task<IAuditTrail> CreateTrailAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        _dataSources.Add(dataSource);
        return new PostgresAuditTrail(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    /// <summary>Runs <c>dotnet Actors.Silo.dll verify-audit</c> against the test's database, as an operator would; its exit code.</summary>
    private async Task<int> VerifyCommandAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ClusterProcesses.SiloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ClusterProcesses.SiloDll);
        start.ArgumentList.Add("verify-audit");
        start.Environment["ConnectionStrings__Postgres"] = _connectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start verify-audit.");
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        var text = await output + await errors;
        Assert.Contains(process.ExitCode == 0 ? "every link intact" : "broken at sequence", text, StringComparison.Ordinal);
        return process.ExitCode;
    }
}
