namespace Actors.Api.TrustedDocuments;

public static class TrustedDocumentsServiceExtensions
{
    /// <summary>The registered operations and the mode (<c>GraphQL:TrustedDocuments</c>); both transports consult them.</summary>
    public static IServiceCollection AddTrustedDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrustedDocumentsOptions>(configuration.GetSection(TrustedDocumentsOptions.Section));
        services.AddSingleton(_ => TrustedOperationRegistry.FromAssembly());
        services.AddSingleton<TrustedDocumentsPolicy>();
        return services;
    }
}
