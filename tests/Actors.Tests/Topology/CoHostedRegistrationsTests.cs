using Actors.Api.Hosting;
using Actors.Persistence.Outbox;
using Actors.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Topology;

/// <summary>
/// The co-hosted topology takes the read models and streams from its silo's registrations, not from a client's beside
/// them: every hosted service of the host (resolved, not started) is there once, the outbox relay among them, and the
/// client topology runs no relay of its own. Nothing connects: the services are built, never started.
/// </summary>
public sealed class CoHostedRegistrationsTests
{
    [Fact]
    public async Task A_co_hosted_api_runs_each_hosted_service_once_and_one_outbox_relay()
    {
        await using var app = Build("CoHosted");
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        Assert.Empty(hosted.GroupBy(s => s.GetType()).Where(g => g.Count() > 1).Select(g => $"{g.Key.FullName} × {g.Count()}"));
        Assert.Single(hosted.OfType<OutboxRelay>());
        Assert.Single(app.Services.GetServices<IClusterClient>());
        Assert.Single(app.Services.GetServices<Actors.Contracts.Requests.Index.IRequestIndex>());
    }

    [Fact]
    public async Task A_client_api_runs_no_outbox_relay()
    {
        await using var app = Build("Client");
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        Assert.Empty(hosted.GroupBy(s => s.GetType()).Where(g => g.Count() > 1).Select(g => $"{g.Key.FullName} × {g.Count()}"));
        Assert.Empty(hosted.OfType<OutboxRelay>());
    }

    private static WebApplication Build(string topology)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A port nothing listens on: building the services opens no connection, and none is wanted here.
            [$"ConnectionStrings:{HostingMode.ConnectionStringName}"] = "Host=127.0.0.1;Port=9;Database=never;Username=nobody",
            [ApiTopologySetting.Key] = topology,
            ["Orleans:SiloPort"] = "9",
            ["Orleans:GatewayPort"] = "9",
        });
        builder.AddActorsServiceDefaults("actors-api");
        builder.AddActorsOrleans();
        return builder.Build();
    }
}
