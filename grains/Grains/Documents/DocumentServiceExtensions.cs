using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Documents;

public static class DocumentServiceExtensions
{
    /// <summary>Downloads and online checks: options (impossible values stop the silo at start) and the address hasher.</summary>
    public static IServiceCollection AddDocumentAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentAccessOptions>()
            .Bind(configuration.GetSection(DocumentAccessOptions.Section))
            .Validate(o => o.IsValid, "Documents:Access: limits must be positive, windows between zero and 12 hours.")
            .ValidateOnStart();
        services.AddSingleton<ClientAddressHasher>();
        return services;
    }
}
