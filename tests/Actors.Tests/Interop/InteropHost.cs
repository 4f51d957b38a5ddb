using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using Actors.Contracts.Interop.Notifications;
using Actors.Interop;
using Actors.Interop.Resilience;
using Actors.Interop.Sandboxes;
using Actors.Interop.Sandboxes.CivilRegistry;
using Actors.Interop.Sandboxes.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Interop;

/// <summary>
/// The outside systems as a silo registers them (<see cref="InteropServiceExtensions.AddActorsInterop"/>), with the
/// real resilience, over a configuration of the test's: by default no latency, short timeouts and backoffs, and a
/// breaker that does not open, so that each test sets only what it tests. The civil registry's and the
/// notifications' sandboxes are counted on their way in, to tell what reached them.
/// </summary>
public sealed class InteropHost : IAsyncDisposable
{
    private static readonly OutsideSystem[] Systems = [OutsideSystem.CivilRegistry, OutsideSystem.Education, OutsideSystem.Justice, OutsideSystem.Notifications];

    private readonly ServiceProvider _services;

    public InteropHost(IReadOnlyDictionary<string, string?>? settings = null, Random? random = null, IGrainFactory? grains = null, TimeProvider? clock = null)
    {
        var defaults = new Dictionary<string, string?>();
        foreach (var system in Systems)
        {
            defaults[$"Sandboxes:{system}:LatencyMilliseconds"] = "0";
            defaults[$"Sandboxes:{system}:LatencyJitterMilliseconds"] = "0";
            defaults[$"Interop:{system}:TimeoutMilliseconds"] = system == OutsideSystem.Notifications ? "5000" : "150";
            defaults[$"Interop:{system}:RetryAttempts"] = "1";
            defaults[$"Interop:{system}:RetryBaseDelayMilliseconds"] = "1";
            defaults[$"Interop:{system}:CircuitBreaker:MinimumThroughput"] = "1000";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(defaults).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        if (random is not null)
        {
            services.AddSingleton(new SandboxChance(random));
        }

        if (grains is not null)
        {
            services.AddSingleton(grains);
        }

        services.AddActorsInterop(configuration);
        services.AddKeyedSingleton<ICivilRegistry>(OutsideSystemClients.Key, (sp, _) => new CountingCivilRegistry(sp.GetRequiredService<CivilRegistrySandbox>(), Calls));
        services.AddKeyedSingleton<INotificationSender>(OutsideSystemClients.Key, (sp, _) => new CountingNotificationSender(sp.GetRequiredService<NotificationSenderSandbox>(), Calls));
        // Every registration is checked when a grain factory is there, as in a silo; without one the notifications can't be built.
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = grains is not null, ValidateScopes = true });
    }

    /// <summary>Calls that reached the counted sandboxes, per system.</summary>
    public SandboxCalls Calls { get; } = new();

    /// <summary>What the pathway gets from DI: the resilient adapter.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
