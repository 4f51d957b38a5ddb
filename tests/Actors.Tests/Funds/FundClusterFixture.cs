using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Identity;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Actors.Grains.Funds;
using Actors.SiloHosting;
using Actors.SiloHosting.Embedded;
using Actors.SiloHosting.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Tests.Funds;

/// <summary>
/// One in-process silo with the embedded read models and a fault-injecting memory storage (so a test
/// can make one write fail), shared by the fund tests. One silo, so that the in-memory allocation
/// index the grains feed is the one the tests read. Each test opens a fund year of its own and
/// imports municipalities with random codes, so tests never see each other's money.
/// </summary>
public sealed class FundClusterFixture : IAsyncLifetime
{
    private static int _lastYear = 2029;

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<FundSilo>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IAllocationIndex Index => Cluster.GetSiloServiceProvider(Cluster.Primary!.SiloAddress).GetRequiredService<IAllocationIndex>();

    public IMunicipalityRegistryGrain Registry => Grains.GetGrain<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key);

    public static Actor FundManager(string subject) => new(subject, ActorRole.FundManager);

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

    /// <summary>A fund year no other test uses, opened with the 2026 programme lines (or the given ones).</summary>
    public async Task<(int Year, IFundGrain Fund)> OpenFund(FundSetup? setup = null)
    {
        var year = Interlocked.Increment(ref _lastYear);
        if (year > 2100)
        {
            throw new InvalidOperationException("Out of fund years for tests: raise the range or reuse years.");
        }

        var fund = Grains.GetGrain<IFundGrain>(year);
        await fund.Open(Actor.System("tests"), setup ?? FundSeeds.Setup2026);
        return (year, fund);
    }

    /// <summary>Registers a municipality with a random code and returns it.</summary>
    public async Task<Municipality> Municipality(bool isNew, string governorate = "KASSERINE")
    {
        var code = "T-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var row = new MunicipalityImportRow(2, code, "بلدية الاختبار", $"Commune de test {code}", governorate, isNew, IsDemo: false);
        var result = await Registry.Import(Actor.System("tests"), [row], "tests");
        Assert.Empty(result.Rejected);
        return (await Registry.Find(code))!;
    }

    private sealed class FundSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddFaultInjectionMemoryStorage(StorageNames.Domain);
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddSingleton<IRequestIndex, InMemoryRequestIndex>();
            siloBuilder.Services.AddSingleton<IAllocationIndex, InMemoryAllocationIndex>();
            siloBuilder.Services.AddSingleton<IExchangeLog, InMemoryExchangeLog>();
            siloBuilder.Services.AddSingleton<IOutboxPublisher, EmbeddedOutboxPublisher>();
            siloBuilder.AddActorsLiveUpdates();
        }
    }
}
