using Microsoft.Extensions.DependencyInjection.Extensions;
using Actors.ClientHosting;
using Actors.ServiceDefaults;

namespace Actors.Api.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Embedded (no connection string): this process co-hosts a silo with memory storage (<see cref="EmbeddedSilo"/>).
    /// Cluster (ConnectionStrings:Postgres set), by <c>Orleans:Topology</c> (<see cref="ApiTopologySetting"/>):
    /// Client (the default), this process is a client that finds silos' gateways through PostgreSQL and reads the read
    /// models from there; CoHosted, this process runs a silo of that cluster itself.
    /// </summary>
    public static WebApplicationBuilder AddActorsOrleans(this WebApplicationBuilder builder)
    {
        // Read in every mode so that an unknown value stops the start, even where it would not matter.
        var topology = ApiTopologySetting.From(builder.Configuration);
        if (HostingMode.IsEmbedded(builder.Configuration))
        {
            builder.AddEmbeddedSilo();
        }
        else if (topology == ApiTopology.CoHosted)
        {
            builder.AddCoHostedSilo();
        }
        else
        {
            builder.UseOrleansClient(client => client.AddActorsClient(builder.Configuration));
        }

        // Try: an embedded silo's clock (a rehearsal clock in Development) stays the one every part reads.
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
