using System.Globalization;
using Actors.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server (<see cref="ThrowawayPostgres"/>, durability settings off) for a test collection.
/// It creates a migrated template database, hands out databases cloned from it, and removes everything when disposed.
/// Missing binaries fail the tests loudly: CI must install the server (<c>apt-get install -y postgresql</c>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string TemplateDatabase = "actors_template";

    private ThrowawayPostgres? _server;
    private int _databases;

    /// <summary>A migrated database of its own for whoever uses this fixture.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The loopback port the server listens on.</summary>
    public int Port => Server.Port;

    /// <summary>The running server, for tests that need more than databases (its log, its tools).</summary>
    public ThrowawayPostgres Server => _server ?? throw new InvalidOperationException("The server is not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        // Durability off: a test server is thrown away, and fsync dominates its run time otherwise.
        _server = await ThrowawayPostgres.StartAsync(durable: false);
        await _server.ExecuteAdminAsync($"CREATE DATABASE {TemplateDatabase}");
        // Tests open many short-lived pools (one per database); keep them small.
        await MigrationRunner.ApplyAsync(_server.ConnectionFor(TemplateDatabase), NullLogger.Instance);
        ConnectionString = await CreateDatabaseAsync();
    }

    /// <summary>A new database: a copy of the migrated template, or an empty one to test migrations on.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var name = "actors_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await Server.ExecuteAdminAsync(migrated ? $"CREATE DATABASE {name} TEMPLATE {TemplateDatabase}" : $"CREATE DATABASE {name}");
        return Server.ConnectionFor(name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
