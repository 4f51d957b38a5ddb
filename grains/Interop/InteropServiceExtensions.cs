using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using Actors.Contracts.Interop.Education;
using Actors.Contracts.Interop.Justice;
using Actors.Contracts.Interop.Notifications;
using Actors.Interop.Resilience;
using Actors.Interop.Sandboxes;
using Actors.Interop.Sandboxes.CivilRegistry;
using Actors.Interop.Sandboxes.Education;
using Actors.Interop.Sandboxes.Justice;
using Actors.Interop.Sandboxes.Notifications;
using Actors.Interop.Sandboxes.PaymentGateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Interop;

/// <summary>The outside systems of a silo: sandboxes by default, each behind its resilience.</summary>
public static class InteropServiceExtensions
{
    /// <summary>
    /// Registers, for each outside system, its client under <see cref="OutsideSystemClients.Key"/> (the sandbox;
    /// grains/Interop/README.md says how a real client takes its place) and, as the interface the pathway
    /// receives, the resilient adapter around it (Interop:&lt;System&gt;). Sandboxes read Sandboxes:&lt;System&gt;.
    /// </summary>
    public static IServiceCollection AddActorsInterop(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutsideSystemPipelines(configuration);
        services.TryAddSingleton<OutsideSystemCalls>();

        foreach (var system in Enum.GetValues<OutsideSystem>())
        {
            services.AddOptions<SandboxOptions>(system.ToString()).Bind(configuration.GetSection($"Sandboxes:{system}"));
        }

        var seed = configuration.GetValue<int?>("Sandboxes:Seed");
        services.TryAddSingleton(new SandboxChance(seed is { } s ? new Random(s) : new Random()));
        services.TryAddSingleton<SandboxBehaviour>();

        services.TryAddSingleton<CivilRegistrySandbox>();
        services.TryAddSingleton<EducationRegistrySandbox>();
        services.TryAddSingleton<CriminalRecordRegistrySandbox>();
        services.TryAddSingleton<NotificationSenderSandbox>();
        services.AddKeyedSingleton<ICivilRegistry>(OutsideSystemClients.Key, (sp, _) => sp.GetRequiredService<CivilRegistrySandbox>());
        services.AddKeyedSingleton<IEducationRegistry>(OutsideSystemClients.Key, (sp, _) => sp.GetRequiredService<EducationRegistrySandbox>());
        services.AddKeyedSingleton<ICriminalRecordRegistry>(OutsideSystemClients.Key, (sp, _) => sp.GetRequiredService<CriminalRecordRegistrySandbox>());
        services.AddKeyedSingleton<INotificationSender>(OutsideSystemClients.Key, (sp, _) => sp.GetRequiredService<NotificationSenderSandbox>());

        services.TryAddSingleton<ICivilRegistry, ResilientCivilRegistry>();
        services.TryAddSingleton<IEducationRegistry, ResilientEducationRegistry>();
        services.TryAddSingleton<ICriminalRecordRegistry, ResilientCriminalRecordRegistry>();
        services.TryAddSingleton<INotificationSender, ResilientNotificationSender>();
        services.AddSandboxPaymentGateway(configuration);
        return services;
    }
}
