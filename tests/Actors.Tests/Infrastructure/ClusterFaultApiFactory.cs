using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Infrastructure;

/// <summary>The API host with a <see cref="ClusterFaultFilter"/> on its grain calls.</summary>
public sealed class ClusterFaultApiFactory : ApiFactory
{
    public ClusterFaultFilter Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IOutgoingGrainCallFilter>(Faults));
    }
}
