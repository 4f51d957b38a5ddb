using Actors.Persistence;

namespace Actors.ClientHosting.Postgres;

/// <summary>An Orleans client (the API in cluster mode) that finds the silos' gateways in PostgreSQL.</summary>
public static class PostgresClientBuilderExtensions
{
    /// <summary>Gateway discovery through the membership table the silos keep in PostgreSQL.</summary>
    public static IClientBuilder UseActorsPostgresClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tuned = PostgresConnectionStrings.WithActorsDefaults(connectionString);
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresConnectionStrings.AdoNetInvariant;
            options.ConnectionString = tuned;
        });
        return client;
    }
}
