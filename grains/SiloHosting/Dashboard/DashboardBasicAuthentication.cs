using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Actors.SiloHosting.Dashboard;

/// <summary>
/// HTTP basic authentication in front of every dashboard endpoint. The silo has no token validation of its own (the
/// API has), so operators sign in with the credentials of a Secret; compared in constant time, after hashing, so that
/// neither their content nor their length shows in the time an answer takes.
/// </summary>
public sealed class DashboardBasicAuthentication(OperatorDashboardOptions options) : IEndpointFilter
{
    private const string Challenge = "Basic realm=\"Orleans Dashboard\", charset=\"UTF-8\"";

    private readonly byte[] expected = Digest(options.Username + ":" + options.Password);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Presented(context.HttpContext.Request) is { } credentials && CryptographicOperations.FixedTimeEquals(Digest(credentials), expected))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = Challenge;
        return Results.Unauthorized();
    }

    /// <summary>"user:password" from an <c>Authorization: Basic</c> header, or null.</summary>
    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Digest(string credentials) => SHA256.HashData(Encoding.UTF8.GetBytes(credentials));
}
