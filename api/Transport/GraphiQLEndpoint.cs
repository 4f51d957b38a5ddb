using Actors.Api.Hosting;
using Actors.Api.Security;
using Microsoft.Extensions.Options;

namespace Actors.Api.Transport;

/// <summary>GraphiQL served by the app from local files (wwwroot/graphiql), never from a CDN.</summary>
public static class GraphiQLEndpoint
{
    private const string AssetFolder = "graphiql";
    private const string VendorProbe = "vendor/graphiql.min.js";
    private const string MissingAssetsText =
        "GraphiQL assets are not built. Run: cd api/graphiql && npm ci && npm run build, then restart the API.";

    /// <summary>
    /// No inline script (the page's own code is in files); inline styles are allowed because the editor positions
    /// its widgets with them. Fonts and icons come inlined in the stylesheet (data:).
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Subscriptions connect to this same host's /graphql over WebSocket, which older browsers do not count as 'self'.</summary>
    internal static string ContentSecurityPolicyFor(HostString host) =>
        Actors.Api.Analytics.DashboardPageEndpoint.ContentSecurityPolicyFor(host).Contains("ws://", StringComparison.Ordinal)
            ? ContentSecurityPolicy.Replace("connect-src 'self';", $"connect-src 'self' ws://{host.Value} wss://{host.Value};", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    /// <summary>
    /// Maps <paramref name="path"/> (redirected to <c>path/</c>) and the files below it, unless
    /// <c>GraphQL:GraphiQL</c> turns the page off (off by default in Production).
    /// </summary>
    public static WebApplication MapGraphiQL(this WebApplication app, string path = "/graphiql")
    {
        ArgumentNullException.ThrowIfNull(app);
        var exposure = app.Services.GetService<IOptions<GraphQLExposureOptions>>()?.Value ?? new GraphQLExposureOptions();
        if (!exposure.GraphiQLEnabled(app.Environment))
        {
            return app;
        }

        return app.MapGraphiQL(path, LocalPageAssets.FindRoot(app.Environment, AssetFolder));
    }

    /// <summary>Same, with the folder that holds index.html given explicitly (tests use it).</summary>
    internal static WebApplication MapGraphiQL(this WebApplication app, string path, string? assetRoot)
    {
        var files = LocalPageAssets.Open(assetRoot);
        var basePath = path.TrimEnd('/');

        // One catch-all route: "/graphiql/{**file}" also matches "/graphiql", so a second route would be ambiguous.
        app.MapGet(basePath + "/{**file}", (HttpContext context, string? file) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicyFor(context.Request.Host);
            if (string.IsNullOrEmpty(file))
            {
                if (!context.Request.Path.Value!.EndsWith('/'))
                {
                    // The page's asset URLs are relative: they resolve only under the trailing-slash form.
                    return Results.Redirect(basePath + "/" + context.Request.QueryString, permanent: false);
                }

                // Checked per request so that assets built after start-up are picked up without a restart.
                var page = files.GetFileInfo(VendorProbe).Exists ? "index.html" : "assets-missing.html";
                return LocalPageAssets.Serve(context, files, page) ?? Results.Content(MissingAssetsText, "text/plain; charset=utf-8");
            }

            return LocalPageAssets.Serve(context, files, file) ?? Results.NotFound();
        }).ExcludeFromDescription();

        return app;
    }
}
