using Actors.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Api.Identity;

public static class AuthenticationExtensions
{
    /// <summary>The HttpClient that reads the OpenID Connect issuers' discovery documents and keys.</summary>
    public const string MetadataHttpClient = "actors-oidc-metadata";

    /// <summary>
    /// Bearer authentication against the trusted issuers (the local one and those of Auth:Issuers); the GraphQL layer
    /// does the authorization.
    /// </summary>
    public static WebApplicationBuilder AddActorsAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ActorsAuthOptions.Section).Get<ActorsAuthOptions>() ?? new ActorsAuthOptions();
        var keys = TokenKeys.Resolve(options, builder.Environment.IsDevelopment());
        if (keys is null && options.Issuers.Count == 0)
        {
            throw new InvalidOperationException(
                "Auth: no token issuer is configured. Set Auth:Issuers:<name> (OpenID Connect, docs/security.md \"Token issuers\") "
                + "or Auth:SigningKey (environment Auth__SigningKey) for the local issuer.");
        }

        foreach (var (name, issuer) in options.Issuers)
        {
            OidcIssuerRules.Check(name, issuer);
        }

        // Try: an embedded silo's clock (a rehearsal clock in Development) stays the one every part reads.
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (keys is not null)
        {
            builder.Services.AddSingleton(keys);
            builder.Services.AddSingleton<TokenIssuer>();
        }

        builder.Services.AddHttpClient(MetadataHttpClient, http => http.Timeout = TimeSpan.FromSeconds(15));
        // The system clock, not a rehearsal one: the token handler checks lifetimes against the system clock too.
        builder.Services.AddSingleton(new AcceptedTokens(TimeProvider.System));
        builder.Services.AddSingleton(services => new BearerTokenValidator(TrustedIssuers(options, keys, services), services.GetRequiredService<AcceptedTokens>()));
        builder.Services.AddSingleton<AccessTokenReader>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ActorsBearerHandler>(JwtBearerDefaults.AuthenticationScheme, null);
        builder.Services.AddAuthorization();
        return builder;
    }

    private static IEnumerable<TrustedIssuer> TrustedIssuers(ActorsAuthOptions options, TokenKeys? keys, IServiceProvider services)
    {
        if (keys is not null)
        {
            yield return new TrustedIssuer(
                "local", options.Issuer, options.Audience, new FixedIssuerKeys(keys.SigningKey), ["HS256"],
                Enum.GetValues<ActorRole>().ToHashSet(), null, ActorClaims.Role);
        }

        var http = services.GetRequiredService<IHttpClientFactory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<OidcIssuerKeys>();
        foreach (var (name, issuer) in options.Issuers)
        {
            // Intervals are measured on the machine's clock, never on a Development rehearsal clock.
            var issuerKeys = new OidcIssuerKeys(name, issuer, http.CreateClient(MetadataHttpClient), TimeProvider.System, logger);
            yield return new TrustedIssuer(
                name,
                issuer.IssuerOrDefault,
                issuer.Audience!,
                issuerKeys,
                [.. issuer.Algorithms],
                issuer.Roles.Select(role => ActorClaims.ParseRole(role)!.Value).ToHashSet(),
                issuer.ImpliedRole is null ? null : ActorClaims.ParseRole(issuer.ImpliedRole),
                issuer.RoleClaim);
        }
    }
}
