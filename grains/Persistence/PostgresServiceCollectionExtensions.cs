using Actors.Contracts.Audit;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.Audit;
using Actors.Persistence.Centers;
using Actors.Persistence.Exchanges;
using Actors.Persistence.Funds;
using Actors.Persistence.Outbox;
using Actors.Persistence.ReadModels;
using Actors.Persistence.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence;

/// <summary>Services for our own PostgreSQL code (read models, outbox), apart from Orleans' providers.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// The read models' queries: <see cref="PostgresRequestIndex"/> as <see cref="IRequestIndex"/> (likewise the
    /// allocation index and the exchange log), over one pooled
    /// <see cref="NpgsqlDataSource"/>, their queries bounded by one <see cref="ReadQueryGate"/> per host
    /// (<see cref="ReadModelOptions"/>, section <c>ReadModels</c>). Silos get it from <c>UseActorsPostgres</c>; the API
    /// gets it from <c>AddActorsClient</c> in cluster mode.
    /// </summary>
    public static IServiceCollection AddActorsPostgresReadModels(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        var tuned = PostgresConnectionStrings.WithActorsDefaults(connectionString);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(tuned));
        services.AddOptions<ReadModelOptions>()
            .BindConfiguration(ReadModelOptions.Section)
            .Validate(o => o.MaxConcurrentQueries >= 0, "ReadModels:MaxConcurrentQueries must be 0 (no bound) or a positive number of queries.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new ReadQueryGate(sp.GetRequiredService<IOptions<ReadModelOptions>>().Value.MaxConcurrentQueries));
        services.TryAddSingleton<PostgresRequestIndex>();
        services.TryAddSingleton<IRequestIndex>(sp => sp.GetRequiredService<PostgresRequestIndex>());
        services.TryAddSingleton<PostgresAllocationIndex>();
        services.TryAddSingleton<IAllocationIndex>(sp => sp.GetRequiredService<PostgresAllocationIndex>());
        services.TryAddSingleton<PostgresExchangeLog>();
        services.TryAddSingleton<IExchangeLog>(sp => sp.GetRequiredService<PostgresExchangeLog>());
        services.TryAddSingleton<PostgresAuditTrail>();
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<PostgresAuditTrail>());
        return services;
    }

    /// <summary>
    /// The readiness check that asks PostgreSQL itself (<see cref="PostgresHealthCheck"/>, named "postgres"), for a host
    /// that runs on it: a silo from <c>UseActorsPostgres</c>, the API from <c>AddActorsClient</c>. Added once however
    /// often it is called.
    /// </summary>
    public static IServiceCollection AddActorsPostgresHealthCheck(this IServiceCollection services, string connectionString, string tag)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PostgresHealthCheck)))
        {
            return services;
        }

        services.AddSingleton(_ => new PostgresHealthCheck(connectionString));
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [tag]);
        return services;
    }

    /// <summary>
    /// The outbox relay (a hosted service, also resolvable as <see cref="OutboxRelay"/>), its lag sampler and the pruning of
    /// delivered events (<see cref="OutboxPruner"/>, <see cref="OutboxPruningOptions"/>), and the consumers that feed the
    /// read models (request index, allocation index, amendment register, center directory, exchange log).
    /// Add further consumers with <c>services.AddSingleton&lt;IOutboxConsumer, MyConsumer&gt;()</c> and live
    /// listeners as <see cref="IOutboxObserver"/>.
    /// </summary>
    public static IServiceCollection AddActorsOutboxRelay(this IServiceCollection services, Action<OutboxRelayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OutboxRelayOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        services.TryAddSingleton<OutboxLagSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxLagSampler>());
        services.AddOptions<OutboxPruningOptions>();
        services.TryAddSingleton<OutboxPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPruner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, RequestIndexConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, AllocationIndexConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, AmendmentRegisterConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, CenterDirectoryConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, PathwayConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, AppointmentSeatConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, BookingDisplacementConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, RequestClockConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, ExchangeLogConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, Campaigns.CampaignCounterConsumer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, Retention.RetentionConsumer>());

        // Requests final before the retention existed: put in their buckets once, at silo start (RetentionBackfillService).
        services.TryAddSingleton<Retention.RetentionBackfill>();
        services.AddHostedService<Retention.RetentionBackfillService>();

        // Holders stored under the unkeyed key by releases up to v0.22: adopted once, at silo start.
        services.TryAddSingleton<Documents.DocumentHolderBackfill>();
        services.AddHostedService<Documents.DocumentHolderBackfillService>();
        return services;
    }
}
