using Actors.Contracts.Audit;
using Actors.Persistence;
using Actors.Persistence.Audit;
using Actors.Persistence.Migrations;
using Actors.ServiceDefaults;
using Npgsql;

namespace Actors.Silo;

/// <summary>
/// One-shot commands of the silo host: Kubernetes runs "migrate" as a Job before the hosts roll, and "wait-for-schema" as
/// the init container of every host pod, so that hosts of a new version start only once its migrations are applied.
/// </summary>
public static class SiloCommands
{
    public static async Task<int> MigrateAsync(string[] args)
    {
        var configuration = Configuration(args);
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggers.CreateLogger("migrate");
        var connectionString = HostingMode.PostgresConnectionString(configuration);
        if (connectionString is null)
        {
            logger.LogError("Set ConnectionStrings__Postgres (or --ConnectionStrings:Postgres=...) to migrate.");
            return 2;
        }

        try
        {
            return await MigrationRunner.MigrateAsync(connectionString, logger);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Migration failed");
            return 1;
        }
    }

    /// <summary><c>wait-for-schema [--timeout 00:10:00]</c>: 0 once the database holds every migration of this build.</summary>
    public static async Task<int> WaitForSchemaAsync(string[] args)
    {
        var configuration = Configuration(args);
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggers.CreateLogger("wait-for-schema");
        var connectionString = HostingMode.PostgresConnectionString(configuration);
        if (connectionString is null)
        {
            logger.LogError("Set ConnectionStrings__Postgres (or --ConnectionStrings:Postgres=...) to wait for the schema.");
            return 2;
        }

        var timeout = configuration.GetValue("timeout", TimeSpan.FromMinutes(10));
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
        try
        {
            return await MigrationRunner.WaitForSchemaAsync(connectionString, logger, timeout, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return 2;
        }
    }

    /// <summary>
    /// <c>verify-audit</c>: walks the audit trail's hash chain from its first entry; 0 when every link holds, 1 at the first
    /// broken one (its sequence number, what was expected and what was found), 2 when it cannot run.
    /// </summary>
    public static async Task<int> VerifyAuditAsync(string[] args)
    {
        var configuration = Configuration(args);
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggers.CreateLogger("verify-audit");
        var connectionString = HostingMode.PostgresConnectionString(configuration);
        if (connectionString is null)
        {
            logger.LogError("Set ConnectionStrings__Postgres (or --ConnectionStrings:Postgres=...) to verify the audit trail.");
            return 2;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(PostgresConnectionStrings.WithActorsDefaults(connectionString));
            var verification = await AuditChainVerifier.VerifyAsync(new PostgresAuditTrail(dataSource));
            if (verification.Break is { } broken)
            {
                logger.LogError(
                    "The audit trail is broken at sequence {Sequence} ({Checked} entries before it hold): {Field} expected {Expected}, found {Found}",
                    broken.Sequence, verification.EntriesChecked, broken.Field, broken.Expected, broken.Found);
                return 1;
            }

            logger.LogInformation("The audit trail holds: {Checked} entries, every link intact", verification.EntriesChecked);
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            logger.LogError(ex, "The audit trail could not be read");
            return 2;
        }
    }

    private static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();
}
