using Actors.Grains.Documents;
using Actors.Grains.Documents.Keys;
using Actors.SiloHosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// One in-process cluster of two silos with the embedded storage, shared by a test collection.
/// Tests use random keys, so they never see each other's grains.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 2)
        .AddSiloBuilderConfigurator<EmbeddedSilo>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync()
    {
        Cluster.Options.ConfigureFileLogging = false;
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class EmbeddedSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<TimeProvider>(ShiftableClock.Shared);
            siloBuilder.AddActorsEmbeddedStorage().AddActorsLiveUpdates();

            // Both silos sign with the same configured key, as a real cluster does; nothing is generated in the user's home.
            var documents = new ConfigurationBuilder().AddInMemoryCollection(TestDocumentKey.Settings!).Build();
            siloBuilder.Services.AddActorsDocumentKeys(documents, embedded: true);
            siloBuilder.Services.AddDocumentAccess(documents);
        }
    }
}
