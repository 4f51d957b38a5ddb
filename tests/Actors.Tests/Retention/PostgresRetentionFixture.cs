using Actors.ClientHosting.Postgres;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Actors.Grains.Documents;
using Actors.Grains.Documents.Keys;
using Actors.Grains.Retention;
using Actors.Persistence.Outbox;
using Actors.Persistence.Retention;
using Actors.ServiceDefaults;
using Actors.SiloHosting;
using Actors.SiloHosting.Outbox;
using Actors.SiloHosting.Postgres;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace Actors.Tests.Retention;

/// <summary>
/// One silo on PostgreSQL as operators run it (<c>UseActorsPostgres</c>: grain state in orleans_storage, the outbox
/// relay feeding the request index and the retention consumer), with the movable rehearsal clock as hosts wire it, on a
/// throwaway server of its own: the purge is driven through the relay, not the embedded publisher.
/// </summary>
public sealed class PostgresRetentionFixture : IAsyncLifetime, IRetentionCluster
{
    private const string ConnectionKey = "ActorsTests:Postgres";

    public PostgresServer Server { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public RehearsalClock Clock => (RehearsalClock)Services.GetRequiredService<TimeProvider>();

    /// <summary>The PostgreSQL request index the relay feeds.</summary>
    public IRequestIndex Index => Services.GetRequiredService<IRequestIndex>();

    /// <summary>The silo's retention backfill, as the silo registers it.</summary>
    public RetentionBackfill Backfill => Services.GetRequiredService<RetentionBackfill>();

    /// <summary>The silo's holder key backfill and holder keys, as the silo registers them.</summary>
    public Persistence.Documents.DocumentHolderBackfill HolderBackfill => Services.GetRequiredService<Persistence.Documents.DocumentHolderBackfill>();

    public Contracts.Documents.IDocumentHolderKeys HolderKeys => Services.GetRequiredService<Contracts.Documents.IDocumentHolderKeys>();

    private IServiceProvider Services => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider;

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        Database = NpgsqlDataSource.Create(Server.ConnectionString);
        var builder = new TestClusterBuilder(1);
        builder.Options.ClusterId = "retention-pg-" + Guid.NewGuid().ToString("N")[..8];
        builder.Options.ServiceId = "actors-tests";
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionKey] = Server.ConnectionString;
        builder.AddSiloBuilderConfigurator<RetentionPostgresSilo>();
        builder.AddClientBuilderConfigurator<RetentionPostgresClient>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    public void MoveTo(DateTimeOffset instant)
    {
        var now = Clock.GetUtcNow();
        if (instant > now)
        {
            Clock.Advance(instant - now);
        }
    }

    private sealed class RetentionPostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseActorsPostgres(siloBuilder.Configuration[ConnectionKey]!);
            siloBuilder.AddActorsRehearsalClock(siloBuilder.Configuration, movable: true);

            // What AddActorsSilo adds in PostgreSQL mode for requests, documents and their retention.
            siloBuilder.Services.AddSingleton<IOutboxPublisher, DurableOutboxPublisher>();
            var settings = new ConfigurationBuilder().AddInMemoryCollection(TestDocumentKey.Settings!).Build();
            siloBuilder.Services.AddActorsDocumentKeys(settings, embedded: true);
            siloBuilder.Services.AddDocumentAccess(settings);
            siloBuilder.Services.AddActorsRetention(settings);
            siloBuilder.AddActorsLiveUpdates();
            siloBuilder.Services.Configure<OutboxRelayOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(50));
        }
    }

    private sealed class RetentionPostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseActorsPostgresClustering(configuration[ConnectionKey]!);
    }
}
