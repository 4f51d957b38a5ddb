using Actors.Contracts.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Documents.Keys;

public static class DocumentKeyServiceExtensions
{
    /// <summary>
    /// The document settings ("Documents"), the signing key ring and the holder keys. Unreadable keys, or no key where
    /// none may be generated, stop the silo at start.
    /// </summary>
    /// <param name="embedded">The embedded mode: a key may be generated at first start (as in Development).</param>
    public static IServiceCollection AddActorsDocumentKeys(this IServiceCollection services, IConfiguration configuration, bool embedded)
    {
        services.AddOptions<DocumentOptions>()
            .Bind(configuration.GetSection(DocumentOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentOptions>>(sp =>
            new DocumentOptionsValidator(embedded || sp.GetService<IHostEnvironment>()?.IsDevelopment() == true));
        services.TryAddSingleton<DocumentKeyRingProvider>();
        services.TryAddSingleton<IDocumentHolderKeys, DocumentHolderKeys>();
        return services;
    }
}
