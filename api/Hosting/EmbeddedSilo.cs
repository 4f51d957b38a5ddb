using Actors.SiloHosting;

namespace Actors.Api.Hosting;

/// <summary>
/// The one place where the API uses silo hosting (and through it the grains and storage): the embedded mode co-hosts a
/// silo in this process. Everything else in the API sees only the contracts; tests/Actors.Tests/Architecture checks it.
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
}
