using Actors.SiloHosting;

namespace Actors.Api.Hosting;

/// <summary>
/// The one place where the API uses silo hosting (and through it the grains and storage): the embedded mode co-hosts a
/// silo with memory storage in this process, the co-hosted topology a silo of the PostgreSQL cluster. Everything else in
/// the API sees only the contracts; tests/Actors.Tests/Architecture checks it.
/// </summary>
public static class EmbeddedSilo
{
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // In Development the domain's clock can be moved forward (POST /dev/clock, DevClockExtensions).
        builder.UseOrleans(silo => silo.AddActorsSilo(builder.Configuration, movableClock: builder.Environment.IsDevelopment()));
        return builder;
    }

    /// <summary>
    /// <see cref="ApiTopology.CoHosted"/>: a silo of the PostgreSQL cluster exactly as silo/ runs one (the same
    /// AddActorsSilo with the connection string: storage, clustering, reminders, read models, outbox relay, Orleans:SiloPort,
    /// GatewayPort and AdvertisedAddress), so the read models and streams the API uses come from this silo's registrations,
    /// not from a client's beside them. The clock is not movable: /dev/clock is for the embedded mode only.
    /// </summary>
    public static WebApplicationBuilder AddCoHostedSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseOrleans(silo => silo.AddActorsSilo(builder.Configuration));
        return builder;
    }
}
