using Actors.Contracts.Requests.Index;
using Actors.Grains.Documents;
using Actors.Grains.Documents.Keys;
using Actors.Grains.Retention;
using Actors.ServiceDefaults;
using Actors.SiloHosting;
using Actors.SiloHosting.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Tests.Retention;

/// <summary>
/// One embedded silo (one in-memory request index to read) with the retention purge as hosts wire it (the options,
/// the publisher's dispatch), on a clock of its own that these tests move forward by months and years: the shared
/// cluster's clock is left alone.
/// </summary>
public sealed class RetentionClusterFixture : IAsyncLifetime, IRetentionCluster
{
    // Silos are built from a configurator type; the clock reaches them through this.
    private static readonly RehearsalClock SiloClock = new(TimeSpan.Zero);

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<RetentionSilo>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public RehearsalClock Clock => SiloClock;

    public IRequestIndex Index => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider.GetRequiredService<IRequestIndex>();

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

    /// <summary>Moves the silo's "now" to <paramref name="instant"/> (never back).</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var now = SiloClock.GetUtcNow();
        if (instant > now)
        {
            SiloClock.Advance(instant - now);
        }
    }

    private sealed class RetentionSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<TimeProvider>(SiloClock);
            siloBuilder.AddActorsEmbeddedStorage().AddActorsLiveUpdates();
            var settings = new ConfigurationBuilder().AddInMemoryCollection(TestDocumentKey.Settings!).Build();
            siloBuilder.Services.AddActorsDocumentKeys(settings, embedded: true);
            siloBuilder.Services.AddDocumentAccess(settings);
            siloBuilder.Services.AddActorsRetention(settings);
            siloBuilder.Services.AddSingleton<RetentionDispatch>();
        }
    }
}
