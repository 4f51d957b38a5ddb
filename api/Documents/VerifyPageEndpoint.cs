using Actors.Api.Hosting;

namespace Actors.Api.Documents;

/// <summary>
/// The offline verifier for signed documents at <c>/verify</c>: a page that checks a QR text against the published keys
/// in the browser (wwwroot/verify; the QR image decoder is copied there from npm by api/verify). It loads nothing from
/// anywhere else, and its policy forbids it to.
/// </summary>
public static class VerifyPageEndpoint
{
    private const string AssetFolder = "verify";

    /// <summary>Scripts and styles from files of ours only; images also from the person's own upload (blob:).</summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Maps <paramref name="path"/> (redirected to <c>path/</c>) and the files below it.</summary>
    public static WebApplication MapVerifyPage(this WebApplication app, string path = "/verify")
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = LocalPageAssets.Open(LocalPageAssets.FindRoot(app.Environment, AssetFolder));
        var basePath = path.TrimEnd('/');

        app.MapGet(basePath + "/{**file}", (HttpContext context, string? file) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // The page is about someone's criminal record: the address it was opened from is nobody else's business.
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (string.IsNullOrEmpty(file))
            {
                if (!context.Request.Path.Value!.EndsWith('/'))
                {
                    // The page's asset URLs are relative: they resolve only under the trailing-slash form.
                    return Results.Redirect(basePath + "/" + context.Request.QueryString, permanent: false);
                }

                file = "index.html";
            }

            return LocalPageAssets.Serve(context, files, file) ?? Results.NotFound();
        }).ExcludeFromDescription();

        return app;
    }
}
