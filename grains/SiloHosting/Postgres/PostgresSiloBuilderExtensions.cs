using Actors.Contracts.Naming;
using Actors.Persistence;
using Orleans.Configuration;

namespace Actors.SiloHosting.Postgres;

/// <summary>A silo on PostgreSQL: clustering, reminders and grain state through Orleans' ADO.NET providers, plus the outbox relay and read models.</summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>
    /// Configures clustering, reminders, the <see cref="StorageNames.Domain"/> and <see cref="StorageNames.PubSub"/>
    /// grain storages (state as System.Text.Json), the outbox relay with its consumers, and the PostgreSQL request index.
    /// The database must be migrated first (<c>silo migrate</c>).
    /// </summary>
    public static ISiloBuilder UseActorsPostgres(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var tuned = PostgresConnectionStrings.WithActorsDefaults(connectionString);

        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresConnectionStrings.AdoNetInvariant;
            options.ConnectionString = tuned;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = PostgresConnectionStrings.AdoNetInvariant;
            options.ConnectionString = tuned;
        });
        silo.AddAdoNetGrainStorage(StorageNames.Domain, options => Configure(options, tuned));
        silo.AddAdoNetGrainStorage(StorageNames.PubSub, options => Configure(options, tuned));

        // JSON state without Newtonsoft type names; the outbox trigger reads the "Outbox" list out of it.
        silo.UseSystemTextJsonGrainStorageSerializer();

        silo.Services.AddActorsPostgresReadModels(tuned);
        silo.Services.AddActorsOutboxRelay();
        return silo;
    }

    private static void Configure(AdoNetGrainStorageOptions options, string connectionString)
    {
        options.Invariant = PostgresConnectionStrings.AdoNetInvariant;
        options.ConnectionString = connectionString;
    }
}
