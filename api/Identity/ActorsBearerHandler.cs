using System.Text.Encodings.Web;
using Actors.Contracts.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Actors.Api.Identity;

/// <summary>
/// The "Bearer" scheme: no Authorization header is an anonymous caller; a bearer token is checked by
/// <see cref="BearerTokenValidator"/> and is either the caller or a failure that says why. A refused token is answered
/// 401 with that reason on every endpoint, before it runs, never taken for an anonymous call: a client whose token has
/// expired learns it rather than meeting an endpoint's "sign in first" or a public page's anonymous answer. Endpoints
/// marked <see cref="RefusesTokensItself"/> (GraphQL) answer it in their own protocol.
/// </summary>
public sealed class ActorsBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BearerTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString().Trim();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
        {
            return AuthenticateResult.NoResult();
        }

        var check = validator.Kept(header.AsSpan(Prefix.Length).Trim())
            ?? await validator.ValidateAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        return check.Principal is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name))
            : AuthenticateResult.Fail(check.Failure!);
    }

    /// <summary>
    /// Runs in the authentication middleware before any endpoint (routing has chosen it already): true ends the request
    /// with the refusal. The result is the one the middleware then uses, checked once per request.
    /// </summary>
    public async Task<bool> HandleRequestAsync()
    {
        if (Context.GetEndpoint()?.Metadata.GetMetadata<RefusesTokensItself>() is not null)
        {
            return false;
        }

        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is null)
        {
            return false;
        }

        await WriteRefusalAsync(result.Failure);
        return true;
    }

    /// <summary>For endpoints that require a caller: 401 with the same body shape as the other endpoints' refusals.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is not null)
        {
            await WriteRefusalAsync(result.Failure);
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new { code = ErrorCodes.Unauthenticated, message = "Sign in first (Authorization: Bearer <token>)." }, Context.RequestAborted);
    }

    private async Task WriteRefusalAsync(Exception failure)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        Response.Headers.CacheControl = "no-store";
        await Response.WriteAsJsonAsync(new { code = ErrorCodes.Unauthenticated, message = TokenRefusal.Message(failure) }, Context.RequestAborted);
    }
}
