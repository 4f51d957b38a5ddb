using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Actors.Api.Security;

public static class SecurityHeadersExtensions
{
    private const string FrontendsPolicy = "frontends";

    /// <summary>
    /// No <c>Server</c> header from Kestrel, forwarded headers from the configured proxies only (<see cref="NetworkOptions"/>),
    /// and CORS for the configured frontend origins only (<see cref="CorsOriginsOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddActorsSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var network = builder.Configuration.GetSection(NetworkOptions.Section).Get<NetworkOptions>() ?? new NetworkOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded => TrustOnly(forwarded, network.TrustedProxies));

        var origins = builder.Configuration.GetSection(CorsOriginsOptions.Section).Get<CorsOriginsOptions>()?.AllowedOrigins ?? [];
        builder.Services.AddCors(cors => cors.AddPolicy(FrontendsPolicy, policy =>
        {
            // With no origin configured the policy allows none: browsers then refuse every cross-origin call.
            policy.WithOrigins([.. origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Language")
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return builder;
    }

    /// <summary>
    /// First in the pipeline: the client's address (for the limits, the logs and the document checks) and scheme are
    /// settled before anything reads them; then the headers every response carries, then CORS.
    /// </summary>
    public static WebApplication UseActorsSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // With no proxy known the framework believes every sender's X-Forwarded-For: then the middleware must not run at all.
        var network = app.Configuration.GetSection(NetworkOptions.Section).Get<NetworkOptions>() ?? new NetworkOptions();
        if (network.TrustedProxies.Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context.Response);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCors(FrontendsPolicy);
        return app;
    }

    /// <summary>
    /// The framework trusts loopback by default; here only what is configured is. Every trusted hop is walked back
    /// (no forward limit), so behind two proxies the client is the first address a trusted proxy did not add.
    /// </summary>
    internal static void TrustOnly(ForwardedHeadersOptions forwarded, IEnumerable<string> trusted)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        forwarded.ForwardLimit = null;
        foreach (var entry in trusted.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }
    }
}
