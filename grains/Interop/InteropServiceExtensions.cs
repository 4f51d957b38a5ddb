using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Interop;

/// <summary>The outside systems of a silo: sandboxes by default, each behind its resilience.</summary>
public static class InteropServiceExtensions
{
    public static IServiceCollection AddActorsInterop(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
