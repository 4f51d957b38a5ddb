using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Actors.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server from the Debian package: initdb and pg_ctl in a temp directory, on a free
/// loopback port, as the unprivileged <c>postgres</c> user when the tests run as root (PostgreSQL refuses root).
/// It creates a migrated template database, hands out databases cloned from it, and removes everything when disposed.
/// Missing binaries fail the tests loudly: CI must install the server (<c>apt-get install -y postgresql</c>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string TemplateDatabase = "actors_template";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private string? _binDirectory;
    private string? _root;
    private bool _started;
    private int _databases;

    /// <summary>A migrated database of its own for whoever uses this fixture.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The PostgreSQL test server runs the Debian package's binaries: Linux only.");
        }

        _binDirectory = FindBinaries();
        _root = Directory.CreateTempSubdirectory("actors-pg-").FullName;
        // The server runs as "postgres" when we are root: it must be able to create its data directory here.
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_111_111);
        var data = Path.Combine(_root, "data");
        Port = FreePort();

        await RunAsync("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        // Durability settings off: a test server is thrown away, and fsync dominates its run time otherwise.
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=300",
            "-c shared_buffers=32MB",
            // Not UTC on purpose: times must round-trip whatever the server's zone (ours is Africa/Tunis).
            "-c timezone=Africa/Tunis");
        await RunAsync("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(_root, "server.log"), "-o", options);
        _started = true;

        await ExecuteAdminAsync($"CREATE DATABASE {TemplateDatabase}");
        await MigrationRunner.ApplyAsync(ConnectionFor(TemplateDatabase), NullLogger.Instance);
        ConnectionString = await CreateDatabaseAsync();
    }

    /// <summary>A new database: a copy of the migrated template, or an empty one to test migrations on.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var name = "actors_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await ExecuteAdminAsync(migrated ? $"CREATE DATABASE {name} TEMPLATE {TemplateDatabase}" : $"CREATE DATABASE {name}");
        return ConnectionFor(name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started && _root is not null)
        {
            try
            {
                await RunAsync("pg_ctl", "stop", "-w", "-m", "immediate", "-D", Path.Combine(_root, "data"));
            }
            catch (InvalidOperationException)
            {
                // Already gone; the directory is removed below either way.
            }
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string ConnectionFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // Tests open many short-lived pools (one per database); keep them small.
        MaxPoolSize = 40,
    }.ConnectionString;

    private async Task ExecuteAdminAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("ACTORS_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Install them with 'apt-get update && apt-get install -y postgresql', or set ACTORS_PG_BIN to their directory.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_binDirectory!, tool);
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", executable })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // pg_ctl -l starts the server with its output sent to the log file, so these pipes close when the tool exits.
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = _root is not null && File.Exists(Path.Combine(_root, "server.log"))
                ? await File.ReadAllTextAsync(Path.Combine(_root, "server.log"))
                : "";
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}.\n{await output}\n{await errors}\n{log}");
        }
    }
}
