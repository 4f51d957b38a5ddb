using Actors.Contracts.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Retention;

public static class RetentionServiceExtensions
{
    /// <summary>The retention periods ("Retention"); a period shorter than a day or a sweep that never runs stops the silo at start.</summary>
    public static IServiceCollection AddActorsRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.IsValid, RetentionOptions.Rules)
            .ValidateOnStart();
        return services;
    }
}
