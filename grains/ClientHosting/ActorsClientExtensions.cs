using Actors.ClientHosting.Postgres;
using Actors.Contracts.Naming;
using Actors.Persistence;
using Actors.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Actors.ClientHosting;

/// <summary>The API in cluster mode: an Orleans client of the PostgreSQL-clustered silos, reading the read models from PostgreSQL.</summary>
public static class ActorsClientExtensions
{
    /// <summary>The API as a client of a PostgreSQL-clustered set of silos.</summary>
    public static IClientBuilder AddActorsClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = ActorsOptions.From(configuration);
        var connectionString = HostingMode.PostgresConnectionString(configuration)
            ?? throw new InvalidOperationException("A cluster client needs ConnectionStrings:Postgres.");
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        client.UseActorsPostgresClustering(connectionString);
        client.AddActorsClusterTuning(configuration);
        client.AddMemoryStreams(StreamNames.Provider);
        client.Services.AddActorsPostgresReadModels(connectionString);
        client.Services.AddActorsPostgresHealthCheck(connectionString, ServiceDefaultsExtensions.ReadyTag);
        return client;
    }
}
