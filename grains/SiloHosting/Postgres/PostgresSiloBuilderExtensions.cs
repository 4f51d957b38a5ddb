using Actors.Contracts.Naming;
using Actors.Persistence;
using Actors.Persistence.Storage;
using Actors.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Actors.SiloHosting.Postgres;

/// <summary>A silo on PostgreSQL: clustering, reminders and grain state through Orleans' ADO.NET providers, plus the outbox relay and read models.</summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>
    /// Configures clustering, reminders, the <see cref="StorageNames.Domain"/> and <see cref="StorageNames.PubSub"/>
    /// grain storages (domain state as System.Text.Json, pub-sub state in Orleans' binary format), the outbox relay with its consumers, and the PostgreSQL request index.
    /// The database must be migrated first (<c>silo migrate</c>). Domain states are written by
    /// <see cref="PostgresGrainStorage"/> (the same rows, grouped commits, events as outbox rows of the same statement)
    /// unless <see cref="GroupCommitOptions.GroupCommit"/> is off, which writes them through the ADO.NET provider.
    /// </summary>
    public static ISiloBuilder UseActorsPostgres(this ISiloBuilder silo, string connectionString, GroupCommitOptions? grainStorage = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        grainStorage ??= new GroupCommitOptions();
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
        if (grainStorage.GroupCommit)
        {
            silo.Services.AddGrainStorage(StorageNames.Domain, (services, _) => PostgresGrainStorage.FromServices(services, grainStorage));
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageNames.Domain, options =>
            {
                Configure(options, tuned);

                // A cleared state's row goes rather than staying with a null payload: a document holder cleared by the
                // purge or by its adoption is keyed by a hash of a person, and an empty row would still say that person
                // had documents. The holder is the only domain grain that clears its state (every other one keeps a
                // tombstone); an old release reads a missing row as the cleared state it wrote, so both releases agree.
                // PostgresGrainStorage deletes the same way.
                options.DeleteStateOnClear = true;
            });
        }

        silo.AddAdoNetGrainStorage(StorageNames.PubSub, options => Configure(options, tuned));

        // Stream pub-sub state is Orleans' own (PubSubPublisherState has a constructor System.Text.Json cannot bind):
        // with the JSON serializer a rendezvous grain that reactivates after a silo crash fails to read its producers.
        // It is never read by SQL, so Orleans' binary serializer is right for it.
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(StorageNames.PubSub)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));

        // JSON state without Newtonsoft type names; the outbox trigger reads the "Outbox" list out of it.
        silo.UseSystemTextJsonGrainStorageSerializer();

        silo.Services.AddActorsPostgresReadModels(tuned);
        silo.Services.AddActorsPostgresHealthCheck(connectionString, ServiceDefaultsExtensions.ReadyTag);
        silo.Services.AddActorsOutboxRelay();
        return silo;
    }

    private static void Configure(AdoNetGrainStorageOptions options, string connectionString)
    {
        options.Invariant = PostgresConnectionStrings.AdoNetInvariant;
        options.ConnectionString = connectionString;
    }
}
