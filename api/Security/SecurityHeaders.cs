using Microsoft.Net.Http.Headers;

namespace Actors.Api.Security;

/// <summary>
/// Headers every response carries, set just before it starts so that the endpoints' own choices are known: no
/// content sniffing, no referrer, and a Content-Security-Policy that forbids framing. A page that sets its own policy
/// keeps it, with <c>frame-ancestors 'none'</c> added when it lacks one; anything else that is not HTML may load nothing.
/// </summary>
internal static class SecurityHeaders
{
    public const string FrameAncestors = "frame-ancestors 'none'";

    /// <summary>For responses that are data, not pages (GraphQL, JSON, CSV, PDF): nothing to load, nothing to frame it.</summary>
    public const string DataPolicy = "default-src 'none'; " + FrameAncestors;

    /// <summary>For an HTML page that brought no policy of its own: its own files only, no inline script.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; " + FrameAncestors;

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.Remove(HeaderNames.Server);

        var policy = headers.ContentSecurityPolicy.ToString();
        if (policy.Length == 0)
        {
            var isPage = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            headers.ContentSecurityPolicy = isPage ? PagePolicy : DataPolicy;
        }
        else if (!policy.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = policy.TrimEnd().TrimEnd(';') + "; " + FrameAncestors;
        }
    }
}
