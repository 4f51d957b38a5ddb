using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Actors.Api.Transport;

/// <summary>GraphiQL served by the app from local files (wwwroot/graphiql), never from a CDN.</summary>
public static class GraphiQLEndpoint
{
    private const string AssetFolder = "graphiql";
    private const string VendorProbe = "vendor/graphiql.min.js";
    private const string MissingAssetsText =
        "GraphiQL assets are not built. Run: cd api/graphiql && npm ci && npm run build, then restart the API.";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Maps <paramref name="path"/> (redirected to <c>path/</c>) and the files below it.</summary>
    public static WebApplication MapGraphiQL(this WebApplication app, string path = "/graphiql")
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGraphiQL(path, FindAssetRoot(app.Environment));
    }

    /// <summary>Same, with the folder that holds index.html given explicitly (tests use it).</summary>
    internal static WebApplication MapGraphiQL(this WebApplication app, string path, string? assetRoot)
    {
        var files = assetRoot is not null && Directory.Exists(assetRoot)
            ? (IFileProvider)new PhysicalFileProvider(assetRoot)
            : new NullFileProvider();
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
                return Serve(context, files, page) ?? Results.Content(MissingAssetsText, "text/plain; charset=utf-8");
            }

            return Serve(context, files, file) ?? Results.NotFound();
        }).ExcludeFromDescription();

        return app;
    }

    /// <summary>
    /// The content root first: the project folder under <c>dotnet run</c>, where assets built after
    /// start-up appear; the app folder once published. Then the build output, where the build copies
    /// them, for hosts started from elsewhere.
    /// </summary>
    private static string? FindAssetRoot(IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, "wwwroot", AssetFolder),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", AssetFolder),
        ];
        return candidates.FirstOrDefault(candidate => File.Exists(Path.Combine(candidate, "index.html")));
    }

    private static IResult? Serve(HttpContext context, IFileProvider files, string file)
    {
        // Dot files (the build stamp) are not content; PhysicalFileProvider already refuses "..".
        if (file.Split('/').Any(segment => segment.StartsWith('.')))
        {
            return null;
        }

        var info = files.GetFileInfo(file);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null)
        {
            return null;
        }

        if (!ContentTypes.TryGetContentType(file, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // Without an explicit charset browsers may guess another one and garble Arabic names.
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal)
            || contentType.EndsWith("json", StringComparison.Ordinal) || contentType.EndsWith("+xml", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        // Revalidated on each use (cheap with the ETag): the files keep their names across upgrades.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var tag = new EntityTagHeaderValue($"\"{info.Length:x}-{info.LastModified.UtcTicks:x}\"");
        return Results.File(info.PhysicalPath, contentType, lastModified: info.LastModified, entityTag: tag);
    }
}
