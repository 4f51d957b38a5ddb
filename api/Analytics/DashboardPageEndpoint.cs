using Actors.Api.Hosting;

namespace Actors.Api.Analytics;

/// <summary>
/// The analysts' dashboard at <c>/dashboard</c>: a page (wwwroot/dashboard; the charting library is copied there from
/// npm by api/dashboard) that asks /graphql with the analyst's own token, so it sees exactly what the API lets that
/// token see, small groups withheld included. It loads nothing from anywhere else, and its policy forbids it to.
/// </summary>
public static class DashboardPageEndpoint
{
    private const string AssetFolder = "dashboard";

    /// <summary>
    /// Scripts and styles from files of ours only; the charts draw on canvas, whose exported images are data: URLs.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Maps <paramref name="path"/> (redirected to <c>path/</c>) and the files below it.</summary>
    public static WebApplication MapDashboardPage(this WebApplication app, string path = "/dashboard")
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = LocalPageAssets.Open(LocalPageAssets.FindRoot(app.Environment, AssetFolder));
        var basePath = path.TrimEnd('/');

        app.MapGet(basePath + "/{**file}", (HttpContext context, string? file) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // The token lives in the page's sessionStorage; no address of ours needs to travel to anyone else.
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
