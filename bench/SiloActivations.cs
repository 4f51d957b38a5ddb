using Actors.Persistence;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Actors.Bench;

/// <summary>
/// An Orleans client of the bench's silo processes (found, as the API finds them, in the PostgreSQL membership table)
/// that asks the management grain which grains are active (what a phase of the run activated, by grain type), and
/// deactivates those of a class.
/// </summary>
public sealed class SiloActivations : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloActivations(IHost host) => _host = host;

    public static async Task<SiloActivations> ConnectAsync(ClusterProcesses processes)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = processes.ClusterId;
                cluster.ServiceId = processes.ServiceId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresConnectionStrings.AdoNetInvariant;
                options.ConnectionString = processes.ConnectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new SiloActivations(host);
    }

    public async Task<ScaleActivations> ReadAsync()
    {
        var grains = _host.Services.GetRequiredService<IClusterClient>();
        return ScaleActivations.Of(await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics());
    }

    /// <summary>
    /// Deactivates every activation of <paramref name="grainClass"/>, <paramref name="parallel"/> at once (what an idle
    /// age does, without the wait), and waits until none is left (or a minute has passed); returns how many it asked.
    /// </summary>
    public async Task<int> DeactivateAsync(Type grainClass, int parallel)
    {
        var grains = _host.Services.GetRequiredService<IClusterClient>();
        var asked = await GrainDeactivation.RequestAsync(grains, grainClass, parallel);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await GrainDeactivation.ActiveAsync(grains, grainClass) > 0 && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(200);
        }

        return asked;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
