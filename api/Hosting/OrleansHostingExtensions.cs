using Actors.Hosting.Postgres;
using Actors.Hosting.Silo;

namespace Actors.Api.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Embedded (no connection string): this process co-hosts a silo with memory storage.
    /// Cluster (ConnectionStrings:Postgres set): this process is a client that finds silos' gateways
    /// through PostgreSQL and reads the request index from there.
    /// </summary>
    public static WebApplicationBuilder AddActorsOrleans(this WebApplicationBuilder builder)
    {
        if (HostingMode.IsEmbedded(builder.Configuration))
        {
            builder.UseOrleans(silo => silo.AddActorsSilo(builder.Configuration));
        }
        else
        {
            builder.UseOrleansClient(client => client.AddActorsClient(builder.Configuration));
            builder.Services.AddActorsPostgresReadModels(HostingMode.PostgresConnectionString(builder.Configuration)!);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
