using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Actors.TestSupport;

/// <summary>
/// A real, throwaway PostgreSQL server from the Debian package: <c>initdb</c> and <c>pg_ctl</c> in a temp directory,
/// on a free loopback port, as the unprivileged <c>postgres</c> user when this process is root (PostgreSQL refuses
/// root). No xunit here: the benchmark links this file too.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private bool _started;
    private List<string> _settings = [];

    private ThrowawayPostgres(string binDirectory, string root, int port)
    {
        BinDirectory = binDirectory;
        Root = root;
        Port = port;
    }

    /// <summary>Where initdb, pg_ctl and pgbench live.</summary>
    public string BinDirectory { get; }

    /// <summary>The temp directory holding the data directory and the server log.</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string LogPath => Path.Combine(Root, "server.log");

    public int Port { get; }

    /// <summary>
    /// Starts a server. <paramref name="durable"/> false turns fsync, synchronous_commit and full_page_writes off (tests
    /// throw the server away); true keeps PostgreSQL's defaults (benchmarks). <paramref name="moreSettings"/> are
    /// further <c>name=value</c> server settings.
    /// </summary>
    public static async Task<ThrowawayPostgres> StartAsync(bool durable, int maxConnections = 300, string sharedBuffers = "32MB",
        IEnumerable<string>? moreSettings = null)
    {
        var root = CreateSharedDirectory("actors-pg-");
        var server = new ThrowawayPostgres(FindBinaries(), root, FreePort.Next());
        try
        {
            await server.RunToolAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            var settings = new List<string>
            {
                $"max_connections={maxConnections.ToString(CultureInfo.InvariantCulture)}",
                $"shared_buffers={sharedBuffers}",
            };
            if (!durable)
            {
                settings.AddRange(["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);
            }

            settings.AddRange(moreSettings ?? []);
            server._settings = settings;
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser, over loopback TCP.</summary>
    public string ConnectionFor(string database, int maxPoolSize = 40) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = maxPoolSize,
    }.ConnectionString;

    /// <summary>Runs one statement on the <c>postgres</c> database over an unpooled connection (CREATE DATABASE and the like).</summary>
    public async Task ExecuteAdminAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The postmaster's process id (first line of postmaster.pid), or null when it is not running.</summary>
    public int? PostmasterPid()
    {
        var file = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(file))
        {
            return null;
        }

        // The file is owned by postgres with mode 0600; root may read it, an unprivileged user may not.
        try
        {
            var first = File.ReadLines(file).FirstOrDefault();
            return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Runs a tool of the PostgreSQL package (as <c>postgres</c> when root) and returns its standard output.</summary>
    public Task<string> RunToolAsync(string tool, params string[] arguments) =>
        RunAsPostgresAsync(Path.Combine(BinDirectory, tool), arguments);

    /// <summary>Runs any program as the server's user (<c>postgres</c> when root), e.g. <c>cp</c> on files the server owns.</summary>
    public async Task<string> RunAsPostgresAsync(string executable, params string[] arguments)
    {
        var tool = Path.GetFileName(executable);
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
            var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "";
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}.\n{await output}\n{await errors}\n{log}");
        }

        return await output;
    }

    /// <summary>
    /// A streaming-replication standby of this server (a base backup taken with <c>pg_basebackup -R</c>), on a port of
    /// its own, connected as <paramref name="applicationName"/>: name it in <c>synchronous_standby_names</c> to make
    /// every commit on this server wait for the standby.
    /// </summary>
    public async Task<ThrowawayPostgres> StartStandbyAsync(string applicationName)
    {
        var standby = NewSibling("actors-pg-standby-");
        try
        {
            await RunToolAsync("pg_basebackup", "-D", standby.DataDirectory, "-X", "stream", "-R", "--no-sync", "-c", "fast",
                "-d", $"host=127.0.0.1 port={Port.ToString(CultureInfo.InvariantCulture)} user=postgres application_name={applicationName}");
            standby._settings = [.. _settings];
            await standby.StartServerAsync();
            return standby;
        }
        catch
        {
            await standby.DisposeAsync();
            throw;
        }
    }

    /// <summary>Promotes a standby to primary (<c>pg_ctl promote</c>, waiting until it accepts writes).</summary>
    public Task PromoteAsync() => RunToolAsync("pg_ctl", "promote", "-w", "-t", "60", "-D", DataDirectory);

    /// <summary>The server dies as in a crash (<c>pg_ctl stop -m immediate</c>): no checkpoint, its directory kept.</summary>
    public async Task CrashAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunToolAsync("pg_ctl", "stop", "-w", "-m", "immediate", "-D", DataDirectory);
        _started = false;
    }

    /// <summary>A base backup of this server into <paramref name="directory"/> (tar-free, WAL streamed alongside).</summary>
    public Task TakeBaseBackupAsync(string directory) =>
        RunToolAsync("pg_basebackup", "-D", directory, "-X", "stream", "--no-sync", "-c", "fast",
            "-d", $"host=127.0.0.1 port={Port.ToString(CultureInfo.InvariantCulture)} user=postgres");

    /// <summary>
    /// Point-in-time restore into a fresh server: a copy of the base backup in <paramref name="backupDirectory"/>,
    /// replaying archived WAL from <paramref name="archiveDirectory"/> up to <paramref name="target"/> (commits at
    /// that instant included), then promoted. Returns once recovery is over and the server accepts writes.
    /// <paramref name="maxConnections"/> must be at least the original's (PostgreSQL refuses to replay otherwise).
    /// </summary>
    public static async Task<ThrowawayPostgres> RestoreAsync(string backupDirectory, string archiveDirectory, DateTimeOffset target, int maxConnections = 300)
    {
        var restored = new ThrowawayPostgres(FindBinaries(), CreateSharedDirectory("actors-pg-restore-"), FreePort.Next());
        try
        {
            await restored.RunAsPostgresAsync("/bin/cp", "-a", backupDirectory, restored.DataDirectory);
            var at = target.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", CultureInfo.InvariantCulture);
            restored._settings =
            [
                $"restore_command='cp {archiveDirectory}/%f %p'",
                $"recovery_target_time='{at}'",
                "recovery_target_action=promote",
                "archive_mode=off",
                "synchronous_standby_names=''",
                $"max_connections={maxConnections.ToString(CultureInfo.InvariantCulture)}",
            ];
            await restored.RunAsPostgresAsync("/usr/bin/touch", Path.Combine(restored.DataDirectory, "recovery.signal"));
            await restored.StartServerAsync();
            // pg_ctl -w returns once connections are accepted, which a server in recovery already does.
            var deadline = DateTime.UtcNow + CommandTimeout;
            while (await restored.InRecoveryAsync())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The restored server was still recovering after " + CommandTimeout + ".");
                }

                await Task.Delay(200);
            }

            return restored;
        }
        catch
        {
            await restored.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the server is a standby or still replaying WAL.</summary>
    public async Task<bool> InRecoveryAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private ThrowawayPostgres NewSibling(string prefix)
    {
        return new ThrowawayPostgres(BinDirectory, CreateSharedDirectory(prefix), FreePort.Next());
    }

    /// <summary>A temp directory everyone may write in: the server runs as "postgres" when we are root and must create its data directory there.</summary>
    public static string CreateSharedDirectory(string prefix)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The throwaway PostgreSQL server runs the Debian package's binaries: Linux only.");
        }

        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);
        return root;
    }

    private async Task StartServerAsync()
    {
        var options = new List<string>
        {
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            // Not UTC on purpose: times must round-trip whatever the server's zone (ours is Africa/Tunis).
            "-c timezone=Africa/Tunis",
        };
        options.AddRange(_settings.Select(setting => "-c " + setting));
        await RunToolAsync("pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogPath, "-o", string.Join(' ', options));
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            _started = false;
            try
            {
                await RunToolAsync("pg_ctl", "stop", "-w", "-m", "immediate", "-D", DataDirectory);
            }
            catch (InvalidOperationException)
            {
                // Already gone; the directory is removed below either way.
            }
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>The newest /usr/lib/postgresql/*/bin with initdb and pg_ctl, or ACTORS_PG_BIN.</summary>
    public static string FindBinaries()
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
}
