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
