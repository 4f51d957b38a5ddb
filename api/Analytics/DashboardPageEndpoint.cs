using Actors.Api.Hosting;

namespace Actors.Api.Analytics;

/// <summary>
/// The analysts' dashboard at <c>/dashboard</c>: a page (wwwroot/dashboard; the charting library is copied there from
/// npm by api/dashboard) that asks /graphql with the analyst's own token, so it sees exactly what the API lets that
/// token see, small groups withheld included. It loads nothing from anywhere else, and its policy forbids it to.
/// </summary>
public static partial class DashboardPageEndpoint
{
    private const string AssetFolder = "dashboard";

    /// <summary>
    /// Scripts and styles from files of ours only; the charts draw on canvas, whose exported images are data: URLs.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy for a page served to <paramref name="host"/>: its live updates connect to that same host's /graphql
    /// over WebSocket, which older browsers do not count as 'self', so the host is named for ws: and wss: (and nothing
    /// else is). A host header that is not a plain host[:port] gets the policy without WebSocket.
    /// </summary>
    internal static string ContentSecurityPolicyFor(HostString host) =>
        host.HasValue && PlainHost().IsMatch(host.Value)
            ? ContentSecurityPolicy.Replace("connect-src 'self';", $"connect-src 'self' ws://{host.Value} wss://{host.Value};", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    /// <summary>Maps <paramref name="path"/> (redirected to <c>path/</c>) and the files below it.</summary>
    public static WebApplication MapDashboardPage(this WebApplication app, string path = "/dashboard")
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = LocalPageAssets.Open(LocalPageAssets.FindRoot(app.Environment, AssetFolder));
        var basePath = path.TrimEnd('/');

        app.MapGet(basePath + "/{**file}", (HttpContext context, string? file) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicyFor(context.Request.Host);
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

    [System.Text.RegularExpressions.GeneratedRegex(@"\A(?:[A-Za-z0-9.-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?)\z")]
    private static partial System.Text.RegularExpressions.Regex PlainHost();
}
