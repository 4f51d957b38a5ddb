using Actors.Contracts.Requests.Clocks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Clocks;

public static class ClockServiceExtensions
{
    /// <summary>The service-level clocks' options ("Sla"); impossible targets or delays stop the silo at start.</summary>
    public static IServiceCollection AddActorsClocks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>()
            .Bind(configuration.GetSection(SlaOptions.Section))
            .Validate(o => o.IsValid, SlaOptions.Rules)
            .ValidateOnStart();
        return services;
    }
}
