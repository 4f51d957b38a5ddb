namespace Actors.Api.Hosting;

public static class StartupBannerExtensions
{
    /// <summary>Logs where to start (GraphiQL, GraphQL, the mode) once the server listens.</summary>
    public static WebApplicationBuilder AddStartupBanner(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }
}
