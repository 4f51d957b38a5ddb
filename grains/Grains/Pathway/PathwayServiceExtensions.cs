using Actors.Contracts.Requests.Pathway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Grains.Pathway;

public static class PathwayServiceExtensions
{
    /// <summary>
    /// The automatic pathway's pieces and its options ("Pathway"; impossible delays stop the silo at start).
    /// The outside systems it calls come from <c>AddActorsInterop</c>.
    /// </summary>
    public static IServiceCollection AddActorsPathway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PathwayOptions>()
            .Bind(configuration.GetSection(PathwayOptions.Section))
            .Validate(o => o.IsValid, "Pathway: delays must be positive, MaxRetryDelay >= RetryDelay, PaymentExpiresAfter > PaymentReminderAfter, ReminderPeriod >= 1 minute.")
            .ValidateOnStart();
        services.TryAddSingleton<ExchangeCalls>();
        services.TryAddSingleton<PathwayVerification>();
        services.TryAddSingleton<PathwayNotifier>();
        services.TryAddSingleton<PathwayRefunds>();
        return services;
    }
}
