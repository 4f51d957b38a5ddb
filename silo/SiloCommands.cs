using Actors.Persistence.Migrations;
using Actors.ServiceDefaults;

namespace Actors.Silo;

/// <summary>One-shot commands of the silo host (Kubernetes runs "migrate" as a Job before the silos roll).</summary>
public static class SiloCommands
{
    public static async Task<int> MigrateAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
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
}
