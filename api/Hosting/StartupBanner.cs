using Actors.ServiceDefaults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Actors.Api.Hosting;

/// <summary>
/// Says where GraphiQL and the endpoint are, and which mode runs, right after the server's
/// "Now listening on" lines: the server is the last service to start, and this runs once all
/// have started, before the application-started callbacks (the demo data's report among them).
/// </summary>
public sealed class StartupBanner(IServer server, IConfiguration configuration, ILogger<StartupBanner> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var mode = HostingMode.IsEmbedded(configuration) ? "embedded (in-process silo, in-memory storage, demo data)"
            : ApiTopologySetting.From(configuration) == ApiTopology.CoHosted ? "co-hosted (a silo of the PostgreSQL cluster in this process)"
            : "cluster client (PostgreSQL)";
        foreach (var address in addresses)
        {
            logger.LogInformation("GraphiQL: {Address}/graphiql  GraphQL: {Address}/graphql  mode: {Mode}", address, address, mode);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
