using System.Text.Encodings.Web;
using Actors.Contracts.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Actors.Api.Identity;

/// <summary>
/// The "Bearer" scheme: no Authorization header is an anonymous caller; a bearer token is checked by
/// <see cref="BearerTokenValidator"/> and is either the caller or a failure that says why (the GraphQL endpoint refuses
/// such a request with 401 and that reason).
/// </summary>
public sealed class ActorsBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BearerTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString().Trim();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
        {
            return AuthenticateResult.NoResult();
        }

        var check = await validator.ValidateAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        return check.Principal is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name))
            : AuthenticateResult.Fail(check.Failure!);
    }

    /// <summary>For endpoints that require a caller: 401 with the same body shape as the other endpoints' refusals.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var message = result.Failure is null
            ? "Sign in first (Authorization: Bearer <token>)."
            : "The access token is refused: " + result.Failure.Message + ".";
        await Response.WriteAsJsonAsync(new { code = ErrorCodes.Unauthenticated, message }, Context.RequestAborted);
    }
}
