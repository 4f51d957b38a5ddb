using Actors.ServiceDefaults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Actors.Api.Hosting;

public static class StartupBanner
{
    /// <summary>Once listening, says where GraphiQL and the endpoint are, and which mode runs.</summary>
    public static WebApplication LogWhereToStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Actors");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var mode = HostingMode.IsEmbedded(app.Configuration) ? "embedded (in-process silo, in-memory storage, demo data)" : "cluster client (PostgreSQL)";
            foreach (var address in addresses)
            {
                logger.LogInformation("GraphiQL: {Address}/graphiql  GraphQL: {Address}/graphql  mode: {Mode}", address, address, mode);
            }
        });
        return app;
    }
}
