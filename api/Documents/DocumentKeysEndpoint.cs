using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Documents;
using Actors.Contracts.Naming;
using Microsoft.Net.Http.Headers;

namespace Actors.Api.Documents;

/// <summary>
/// <c>GET /.well-known/document-keys</c>: the public keys that verify signed documents offline. Public and cacheable
/// for an hour (a new key is published long before it signs); an ETag lets verifiers revalidate for nothing. Any origin
/// may read it, so that a third party's own page can verify in the browser.
/// </summary>
public static class DocumentKeysEndpoint
{
    public const string Path = "/.well-known/document-keys";

    public static IEndpointRouteBuilder MapDocumentKeys(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, Serve);
        return app;
    }

    private static async Task<IResult> Serve(HttpContext context, IGrainFactory grains)
    {
        var json = await grains.Reference<IDocumentKeysGrain>(0).PublishedJson();
        var body = Encoding.UTF8.GetBytes(json);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToBase64String(SHA256.HashData(body)[..16]).TrimEnd('=') + "\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromHours(1) };
        context.Response.Headers.AccessControlAllowOrigin = "*";
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, "application/json; charset=utf-8");
    }
}
