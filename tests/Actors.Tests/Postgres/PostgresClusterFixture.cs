using System.Collections.Concurrent;
using Actors.ClientHosting.Postgres;
using Actors.Persistence.Outbox;
using Actors.SiloHosting.Postgres;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace Actors.Tests.Postgres;

/// <summary>
/// Two in-process silos configured by <c>UseActorsPostgres</c> and a client by <c>UseActorsPostgresClustering</c>
/// (Orleans' test membership off: membership lives in our tables), against a throwaway PostgreSQL server of their
/// own. A recording consumer sits beside the request index on the outbox relay.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private const string ConnectionKey = "ActorsTests:Postgres";
    private const string ConsumersKey = "ActorsTests:Consumers";

    // Silos are built from configuration only; consumer instances reach them through this, keyed by cluster.
    private static readonly ConcurrentDictionary<string, IOutboxConsumer[]> Consumers = new(StringComparer.Ordinal);

    public PostgresServer Server { get; } = new();

    public RecordingConsumer Probe { get; } = new("probe", OutboxProbeGrain.EventType);

    public TestCluster Cluster { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public string ClusterId { get; } = "pg-" + Guid.NewGuid().ToString("N")[..8];

    public string ServiceId { get; } = "actors-tests";

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        Database = NpgsqlDataSource.Create(Server.ConnectionString);
        await using (var create = Database.CreateCommand(RecordingConsumer.CreateTableSql))
        {
            await create.ExecuteNonQueryAsync();
        }

        Cluster = BuildCluster(Server.ConnectionString, ClusterId, ServiceId, silos: 2, Probe);
        await Cluster.DeployAsync();
    }

    /// <summary>A cluster on PostgreSQL as operators run it; tests that restart a whole cluster build their own.</summary>
    public static TestCluster BuildCluster(string connectionString, string clusterId, string serviceId, short silos, params IOutboxConsumer[] consumers)
    {
        Consumers[clusterId] = consumers;
        var builder = new TestClusterBuilder(silos);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = serviceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionKey] = connectionString;
        builder.Properties[ConsumersKey] = clusterId;
        builder.AddSiloBuilderConfigurator<PostgresSilo>();
        builder.AddClientBuilderConfigurator<PostgresClient>();
        return builder.Build();
    }

    /// <summary>The services of a running silo, to reach what it registered (storage, index).</summary>
    public IServiceProvider SiloServices(int silo) => ((InProcessSiloHandle)Cluster.Silos[silo]).ServiceProvider;

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

    private sealed class PostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseActorsPostgres(siloBuilder.Configuration[ConnectionKey]!);
            foreach (var consumer in Consumers[siloBuilder.Configuration[ConsumersKey]!])
            {
                siloBuilder.Services.AddSingleton<IOutboxConsumer>(consumer);
            }

            siloBuilder.Services.Configure<OutboxRelayOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(50));
        }
    }

    private sealed class PostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseActorsPostgresClustering(configuration[ConnectionKey]!);
    }
}
