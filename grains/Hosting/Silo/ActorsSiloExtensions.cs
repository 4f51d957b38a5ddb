using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Actors.Hosting.Embedded;
using Actors.Hosting.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Actors.Hosting.Silo;

public static class ActorsSiloExtensions
{
    /// <summary>
    /// Everything a silo needs, embedded or on PostgreSQL depending on ConnectionStrings:Postgres.
    /// Embedded: localhost clustering, memory storage and reminders, in-memory read models.
    /// PostgreSQL: ADO.NET clustering, storage and reminders, the outbox relay and SQL read models.
    /// </summary>
    public static ISiloBuilder AddActorsSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(ActorsOptions.Section).Get<ActorsOptions>() ?? new ActorsOptions();
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        var connectionString = HostingMode.PostgresConnectionString(configuration);
        if (connectionString is null)
        {
            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorage(StorageNames.Domain);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.UseInMemoryReminderService();
            silo.Services.TryAddSingleton<IRequestIndex, InMemoryRequestIndex>();
            silo.Services.AddSingleton<IOutboxPublisher, EmbeddedOutboxPublisher>();
        }
        else
        {
            if (options.SiloPort > 0 || options.GatewayPort > 0)
            {
                silo.ConfigureEndpoints(
                    options.SiloPort > 0 ? options.SiloPort : EndpointOptions.DEFAULT_SILO_PORT,
                    options.GatewayPort > 0 ? options.GatewayPort : EndpointOptions.DEFAULT_GATEWAY_PORT);
            }

            silo.Services.AddSingleton<IOutboxPublisher, DurableOutboxPublisher>();
            throw new NotSupportedException("PENDING-POSTGRES");
        }

        silo.AddMemoryStreams(StreamNames.Provider);
        silo.Services.AddSingleton<LiveUpdatePublisher>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }

    /// <summary>The API as a client of a PostgreSQL-clustered set of silos.</summary>
    public static IClientBuilder AddActorsClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = configuration.GetSection(ActorsOptions.Section).Get<ActorsOptions>() ?? new ActorsOptions();
        var connectionString = HostingMode.PostgresConnectionString(configuration)
            ?? throw new InvalidOperationException("A cluster client needs ConnectionStrings:Postgres.");
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        _ = connectionString;
        throw new NotSupportedException("PENDING-POSTGRES");
#pragma warning disable CS0162
        client.AddMemoryStreams(StreamNames.Provider);
        return client;
#pragma warning restore CS0162
    }
}
