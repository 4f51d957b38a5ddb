using Actors.Contracts.Audit;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Actors.Grains.Clocks;
using Actors.Grains.Documents;
using Actors.Grains.Documents.Keys;
using Actors.Grains.Pathway;
using Actors.Grains.Requests;
using Actors.Grains.Retention;
using Actors.Grains.Scheduling;
using Actors.Interop;
using Actors.Persistence.Outbox;
using Actors.Persistence.Storage;
using Actors.ServiceDefaults;
using Actors.SiloHosting.Embedded;
using Actors.SiloHosting.Outbox;
using Actors.SiloHosting.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Actors.SiloHosting;

/// <summary>A silo of either mode: the api co-hosts one in embedded mode, silo/ runs one per process on PostgreSQL.</summary>
public static class ActorsSiloExtensions
{
    /// <summary>
    /// Everything a silo needs, embedded or on PostgreSQL depending on ConnectionStrings:Postgres.
    /// Embedded: localhost clustering on a free loopback port without a gateway, memory storage and
    /// reminders, in-memory read models.
    /// PostgreSQL: ADO.NET clustering, storage and reminders, the outbox relay and SQL read models.
    /// </summary>
    /// <param name="movableClock">Development's embedded host: a rehearsal clock even at no offset, for <c>POST /dev/clock</c> to move.</param>
    public static ISiloBuilder AddActorsSilo(this ISiloBuilder silo, IConfiguration configuration, bool movableClock = false)
    {
        var options = ActorsOptions.From(configuration);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        var connectionString = HostingMode.PostgresConnectionString(configuration);
        if (connectionString is null)
        {
            // A cluster of one on loopback: its silo-to-silo listener (which Orleans always opens) on
            // a port of its own so that several embedded hosts share a machine, and no client gateway
            // (the API in this process calls the silo directly) unless a port is configured for one.
            silo.UseLocalhostClustering(options.SiloPort > 0 ? options.SiloPort : LoopbackPort.PickFree(), options.GatewayPort);
            silo.AddActorsEmbeddedStorage();

            // A cluster of one probes no one: only its watchdog reads this clock's timestamps in earnest.
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, new SiloStartClock());
        }
        else
        {
            var siloPort = options.SiloPort > 0 ? options.SiloPort : EndpointOptions.DEFAULT_SILO_PORT;
            var gatewayPort = options.GatewayPort > 0 ? options.GatewayPort : EndpointOptions.DEFAULT_GATEWAY_PORT;
            if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress))
            {
                silo.ConfigureEndpoints(System.Net.IPAddress.Parse(options.AdvertisedAddress), siloPort, gatewayPort);
            }
            else if (options.SiloPort > 0 || options.GatewayPort > 0)
            {
                silo.ConfigureEndpoints(siloPort, gatewayPort);
            }

            silo.UseActorsPostgres(connectionString, configuration.GetSection(GroupCommitOptions.Section).Get<GroupCommitOptions>());
            silo.Services.AddSingleton<IOutboxPublisher, DurableOutboxPublisher>();
            silo.Services.Configure<OutboxPruningOptions>(configuration.GetSection(OutboxPruningOptions.Section));
        }

        silo.AddActorsRehearsalClock(configuration, movableClock);
        silo.AddActorsClusterTuning(configuration);
        silo.Services.AddRequestOptions(configuration);
        silo.Services.AddAppointmentOptions(configuration);
        silo.Services.AddDocumentAccess(configuration);
        silo.Services.AddActorsInterop(configuration);
        silo.Services.AddActorsPathway(configuration);
        silo.Services.TryAddSingleton<PathwayDispatch>();
        silo.Services.TryAddSingleton<DisplacementDispatch>();
        silo.Services.AddActorsClocks(configuration);
        silo.Services.TryAddSingleton<RequestClockDispatch>();
        silo.Services.TryAddSingleton<CampaignDispatch>();
        silo.Services.AddActorsRetention(configuration);
        silo.Services.TryAddSingleton<RetentionDispatch>();
        silo.Services.AddActorsDocumentKeys(configuration, embedded: connectionString is null);

        // /health/ready of a host with a silo: this silo Active in the membership, besides what ServiceDefaults checks.
        silo.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo-active", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return silo.AddActorsLiveUpdates();
    }

    /// <summary>
    /// <c>Clock:Offset</c> (a rehearsal tool, <see cref="ClockOptions"/>): a silo whose "now" is moved forward. Registered
    /// before everything else that adds a clock, which then keeps this one; refused at start outside Development and Testing.
    /// </summary>
    public static ISiloBuilder AddActorsRehearsalClock(this ISiloBuilder silo, IConfiguration configuration, bool movable = false)
    {
        var offset = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>()?.Offset ?? TimeSpan.Zero;
        silo.Services.AddOptions<ClockOptions>()
            .Bind(configuration.GetSection(ClockOptions.Section))
            .Validate<IHostEnvironment>(
                (o, environment) => o.Offset == TimeSpan.Zero
                    || (o.Offset > TimeSpan.Zero && (environment.IsDevelopment() || environment.IsEnvironment("Testing"))),
                "Clock:Offset is a rehearsal tool: positive, and only in the Development or Testing environment.")
            .ValidateOnStart();
        if (offset > TimeSpan.Zero || movable)
        {
            silo.Services.AddSingleton<TimeProvider>(new RehearsalClock(offset));

            // Orleans' own loops keep the real time: silo generations are real-time stamps, and a membership that read the
            // moved clock would find every restarted silo older than the cluster's minimum generation and declare it dead.
            foreach (var area in new[]
                     {
                         TimeProviderNames.Membership, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers,
                         TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory,
                     })
            {
                silo.Services.TryAddKeyedSingleton(area, TimeProvider.System);
            }
        }

        return silo;
    }

    /// <summary>
    /// Embedded storage and read models: memory grain storage and reminders, the in-memory request
    /// index fed directly by the grains. Also what in-process test clusters use.
    /// </summary>
    public static ISiloBuilder AddActorsEmbeddedStorage(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.Domain);
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.UseInMemoryReminderService();
        silo.Services.TryAddSingleton<IRequestIndex, InMemoryRequestIndex>();
        silo.Services.TryAddSingleton<IAllocationIndex, InMemoryAllocationIndex>();
        silo.Services.TryAddSingleton<IExchangeLog, InMemoryExchangeLog>();
        silo.Services.TryAddSingleton<IAuditTrail, InMemoryAuditTrail>();
        silo.Services.TryAddSingleton<IOutboxPublisher, EmbeddedOutboxPublisher>();
        return silo;
    }

    /// <summary>Live updates on Orleans streams, in every mode.</summary>
    public static ISiloBuilder AddActorsLiveUpdates(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(StreamNames.Provider);
        silo.Services.TryAddSingleton<LiveUpdatePublisher>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }
}
