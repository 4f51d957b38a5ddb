using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Persistence.Migrations;

/// <summary>
/// Applies the embedded migrations in version order, each in its own transaction together with its
/// <c>schema_version</c> row. Idempotent, and safe from several processes at once: they queue on one advisory lock
/// and the later ones find nothing left to do.
/// </summary>
public static class MigrationRunner
{
    // Any constant that nothing else in the database uses; this one spells "actors" in ASCII.
    private const long AdvisoryLockKey = 0x6163746f7273;

    private const string ResourcePrefix = "Migrations/";

    /// <summary>Every migration shipped with this build, in version order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Load();

    /// <summary>The entry point of <c>silo migrate</c>: applies what is missing and returns the process exit code (0 on success).</summary>
    public static async Task<int> MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            var applied = await ApplyAsync(connectionString, logger, cancellationToken);
            logger.LogInformation("Database schema is at version {Version} ({Applied} migration(s) applied now).",
                Migrations[^1].Version, applied.Count);
            return 0;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Migration cancelled; every migration applied so far is committed.");
            return 2;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Migration failed; the failing migration was rolled back.");
            return 1;
        }
    }

    /// <summary>Applies the migrations this database lacks and returns them; throws on failure.</summary>
    public static async Task<IReadOnlyList<Migration>> ApplyAsync(string connectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        // Unpooled: the session-level advisory lock must end with this connection, whatever happens. Nothing prepared:
        // each migration runs once, and a statement prepared before a migration's DDL must not outlive it. Not multiplexed
        // (which needs pooling) whatever the hosts' connection string says: the lock is a session's.
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.WithActorsDefaults(connectionString))
        {
            Pooling = false,
            Multiplexing = false,
            MaxAutoPrepare = 0,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version
                (
                  version integer PRIMARY KEY,
                  name text NOT NULL,
                  checksum text NOT NULL,
                  applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var known = await ReadAppliedAsync(connection, cancellationToken);
            var applied = new List<Migration>();
            foreach (var migration in Migrations)
            {
                if (known.TryGetValue(migration.Version, out var checksum))
                {
                    if (!string.Equals(checksum, migration.Checksum, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Version:D4}_{migration.Name} was changed after it was applied. " +
                            "Never edit an applied migration: add a new one.");
                    }

                    continue;
                }

                logger.LogInformation("Applying migration {Version:D4}_{Name}.", migration.Version, migration.Name);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_version (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied.Add(migration);
            }

            return applied;
        }
        finally
        {
            // Closing the unpooled connection would release it too; unlocking says so explicitly.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// The entry point of <c>silo wait-for-schema</c> (an init container of every host pod): returns 0 once the database holds
    /// every migration this build ships, so that a new version's hosts wait for its migrations Job instead of crash-looping
    /// on a missing table; 1 when <paramref name="timeout"/> passes first or an applied migration differs from this build's.
    /// </summary>
    public static async Task<int> WaitForSchemaAsync(string connectionString, ILogger logger, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        var deadline = DateTimeOffset.UtcNow + timeout;
        var expected = Migrations[^1].Version;
        while (true)
        {
            string waitingFor;
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                var applied = await ReadAppliedIfAnyAsync(connection, cancellationToken);
                var missing = Migrations.Where(migration => !applied.ContainsKey(migration.Version)).ToList();
                var changed = Migrations.FirstOrDefault(migration => applied.TryGetValue(migration.Version, out var checksum)
                    && !string.Equals(checksum, migration.Checksum, StringComparison.OrdinalIgnoreCase));
                if (changed is not null)
                {
                    logger.LogError("Migration {Version:D4}_{Name} in the database differs from this build's: the image and the database do not match.",
                        changed.Version, changed.Name);
                    return 1;
                }

                if (missing.Count == 0)
                {
                    logger.LogInformation("Database schema is at version {Version}, as this build expects.", expected);
                    return 0;
                }

                waitingFor = $"{missing.Count} migration(s), from {missing[0].Version:D4}_{missing[0].Name}";
            }
            catch (NpgsqlException ex)
            {
                waitingFor = $"the database ({ex.Message})";
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                logger.LogError("Gave up waiting for {WaitingFor}: has the migrations Job of this version run?", waitingFor);
                return 1;
            }

            logger.LogInformation("Waiting for {WaitingFor}.", waitingFor);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedIfAnyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return [];
            }
        }

        return await ReadAppliedAsync(connection, cancellationToken);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            // 0004_outbox.sql → version 4, name "outbox".
            var file = resource[ResourcePrefix.Length..^".sql".Length];
            var separator = file.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(file.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration file '{resource}' must be named NNNN_name.sql.");
            }

            migrations.Add(new Migration(version, file[(separator + 1)..], ReadResource(assembly, resource)));
        }

        migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
