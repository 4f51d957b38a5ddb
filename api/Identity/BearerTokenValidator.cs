using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>
/// Checks a bearer token for both transports (HTTP through <see cref="ActorsBearerHandler"/>, WebSockets through
/// <see cref="AccessTokenReader"/>): the issuer its <c>iss</c> names is the only one it is checked against (signature,
/// algorithm, audience, lifetime), and its role must be one that issuer may assert. A token that names a role this API
/// does not know is refused, never taken for an anonymous call.
/// </summary>
public sealed class BearerTokenValidator
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly Dictionary<string, TrustedIssuer> byIssuer;
    private readonly AcceptedTokens? accepted;

    /// <param name="issuers">The issuers whose tokens are taken.</param>
    /// <param name="accepted">Where accepted tokens are kept until they expire (null: every token is checked on every call).</param>
    public BearerTokenValidator(IEnumerable<TrustedIssuer> issuers, AcceptedTokens? accepted = null)
    {
        this.accepted = accepted;
        byIssuer = [];
        foreach (var issuer in issuers)
        {
            if (!byIssuer.TryAdd(issuer.Issuer, issuer))
            {
                throw new InvalidOperationException(
                    $"Auth: the issuers '{byIssuer[issuer.Issuer].Name}' and '{issuer.Name}' both have the iss '{issuer.Issuer}'; each trusted issuer needs its own.");
            }
        }
    }

    public IReadOnlyCollection<TrustedIssuer> Issuers => byIssuer.Values;

    /// <summary>The check of a token accepted before and still kept, without copying it out of its header; null otherwise.</summary>
    public TokenCheck? Kept(ReadOnlySpan<char> token) => accepted?.Find(token) is { } known ? TokenCheck.Accepted(known) : null;

    public async Task<TokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (accepted?.Find(token) is { } known)
        {
            return TokenCheck.Accepted(known);
        }

        JsonWebToken unverified;
        try
        {
            unverified = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Refused("the token is not a JSON Web Token");
        }

        // The unverified iss only chooses which issuer's keys and audience to check the token with; a token that lies
        // about its issuer fails that issuer's signature check.
        if (!byIssuer.TryGetValue(unverified.Issuer ?? "", out var trusted))
        {
            return TokenCheck.Refused("the token's issuer is not one this API trusts");
        }

        var result = await ValidateWithAsync(trusted, token, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await trusted.Keys.RefreshAsync(cancellationToken))
        {
            result = await ValidateWithAsync(trusted, token, cancellationToken);
        }

        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenExpiredException expired
                ? TokenCheck.Refused(expired)
                : TokenCheck.Refused(Describe(result.Exception, trusted));
        }

        var check = WithRole(trusted, result.ClaimsIdentity);
        if (check.Principal is { } principal)
        {
            accepted?.Remember(token, principal, result.SecurityToken.ValidTo);
        }

        return check;
    }

    private async Task<TokenValidationResult> ValidateWithAsync(TrustedIssuer trusted, string token, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<SecurityKey> keys;
        try
        {
            keys = await trusted.Keys.GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new TokenValidationResult { IsValid = false, Exception = new TokenRefusedException($"the keys of issuer '{trusted.Name}' cannot be fetched now; try again later") };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = trusted.Issuer,
            ValidAudience = trusted.Audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = trusted.Algorithms,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = ActorClaims.Subject,
            RoleClaimType = ActorClaims.Role,
        };
        return await handler.ValidateTokenAsync(token, parameters);
    }

    private static string Describe(Exception? failure, TrustedIssuer trusted) => failure switch
    {
        TokenRefusedException refused => refused.Message,
        SecurityTokenSignatureKeyNotFoundException => $"the token is signed with a key that issuer '{trusted.Name}' does not publish",
        SecurityTokenInvalidSignatureException => $"the token's signature does not verify with the keys of issuer '{trusted.Name}'",
        SecurityTokenInvalidAlgorithmException => $"the token's signature algorithm is not one issuer '{trusted.Name}' is trusted with",
        SecurityTokenInvalidAudienceException => "the token's audience is not this API",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        _ => "the token is not valid",
    };

    private static TokenCheck WithRole(TrustedIssuer trusted, ClaimsIdentity identity)
    {
        if (string.IsNullOrWhiteSpace(identity.FindFirst(ActorClaims.Subject)?.Value))
        {
            return TokenCheck.Refused("the token has no subject (sub)");
        }

        var asserted = identity.FindAll(trusted.RoleClaim).Select(claim => claim.Value).ToList();
        string wire;
        switch (asserted.Count)
        {
            case 0 when trusted.ImpliedRole is { } implied:
                wire = ActorClaims.ToWire(implied);
                break;
            case 0:
                return TokenCheck.Refused($"the token carries no role (claim '{trusted.RoleClaim}')");
            case 1:
                wire = asserted[0];
                break;
            default:
                return TokenCheck.Refused($"the token carries several roles ({string.Join(", ", asserted)}); this API takes one");
        }

        if (ActorClaims.ParseRole(wire) is not { } role)
        {
            return TokenCheck.Refused($"the token's role {wire} is not a role of this API");
        }

        if (!trusted.Roles.Contains(role))
        {
            return TokenCheck.Refused($"the token's role {wire} is not one issuer '{trusted.Name}' may assert");
        }

        // The role the rest of the API reads (ActorClaims.ToActor) is the one checked here, whatever claim carried it.
        var claims = identity.Claims.Where(claim => claim.Type != ActorClaims.Role && claim.Type != trusted.RoleClaim).ToList();
        claims.Add(new Claim(ActorClaims.Role, wire));
        var normalized = new ClaimsIdentity(claims, identity.AuthenticationType, ActorClaims.Subject, ActorClaims.Role);
        return TokenCheck.Accepted(new ClaimsPrincipal(normalized));
    }
}
