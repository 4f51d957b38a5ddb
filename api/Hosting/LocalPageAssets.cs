using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Actors.Api.Hosting;

/// <summary>
/// The browser pages the API serves from its own files (GraphiQL, /verify): found next to the project or the assembly,
/// served with an explicit charset, revalidated on each use, never sniffed.
/// </summary>
internal static class LocalPageAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// The content root first: the project folder under <c>dotnet run</c>, where assets built after
    /// start-up appear; the app folder once published. Then the build output, where the build copies
    /// them, for hosts started from elsewhere.
    /// </summary>
    public static string? FindRoot(IWebHostEnvironment environment, string folder)
    {
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, "wwwroot", folder),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", folder),
        ];
        return candidates.FirstOrDefault(candidate => File.Exists(Path.Combine(candidate, "index.html")));
    }

    public static IFileProvider Open(string? root) =>
        root is not null && Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();

    /// <summary>The file's result, or null when there is no such file (or it is a dot file, such as a build stamp).</summary>
    public static IResult? Serve(HttpContext context, IFileProvider files, string file)
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
