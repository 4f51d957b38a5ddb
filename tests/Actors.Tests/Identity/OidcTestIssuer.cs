using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Tests.Identity;

/// <summary>
/// An OpenID Connect issuer in the test process, on a real Kestrel port: it serves its discovery document and its JWKS
/// (an RSA key for RS256 and a P-256 key for ES256), issues tokens with either, and rotates its keys on demand (new kids,
/// the old ones withdrawn from the JWKS). It counts JWKS reads, so that tests see when the API refetched the keys.
/// </summary>
public sealed class OidcTestIssuer : IAsyncDisposable
{
    private readonly object gate = new();
    private WebApplication? app;
    private OidcTestKeys keys = OidcTestKeys.Generate();
    private int keySetReads;

    private OidcTestIssuer()
    {
    }

    /// <summary>The issuer's address, which is also its <c>iss</c>, e.g. http://127.0.0.1:41234/citizens.</summary>
    public string Issuer { get; private set; } = "";

    public int KeySetReads => Volatile.Read(ref keySetReads);

    /// <summary>The kid of the current RSA key; changes with <see cref="Rotate"/>.</summary>
    public string RsaKeyId => Current.Rsa.KeyId;

    private OidcTestKeys Current
    {
        get
        {
            lock (gate)
            {
                return keys;
            }
        }
    }

    public static async Task<OidcTestIssuer> StartAsync(string path)
    {
        var issuer = new OidcTestIssuer();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet($"/{path}/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256", "ES256"),
        }));
        app.MapGet($"/{path}/jwks", () =>
        {
            Interlocked.Increment(ref issuer.keySetReads);
            return Results.Json(issuer.Current.Published());
        });
        await app.StartAsync();
        issuer.app = app;
        issuer.Issuer = app.Urls.First().TrimEnd('/') + "/" + path;
        return issuer;
    }

    /// <summary>New keys with new kids; the old ones are no longer published and nothing this issuer signs uses them.</summary>
    public OidcTestKeys Rotate()
    {
        lock (gate)
        {
            var old = keys;
            keys = OidcTestKeys.Generate();
            return old;
        }
    }

    /// <summary>A token as this issuer signs it; every part a test may want wrong can be overridden.</summary>
    public string Issue(
        string subject,
        string audience,
        string? role = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        TimeSpan? lifetime = null,
        DateTimeOffset? expires = null,
        string? issuer = null,
        SecurityKey? signWith = null,
        IReadOnlyDictionary<string, object>? claims = null)
    {
        var until = (expires ?? DateTimeOffset.UtcNow + (lifetime ?? TimeSpan.FromMinutes(10))).UtcDateTime;
        var payload = new Dictionary<string, object> { ["sub"] = subject };
        if (role is not null)
        {
            payload["role"] = role;
        }

        foreach (var (name, value) in claims ?? new Dictionary<string, object>())
        {
            payload[name] = value;
        }

        var key = signWith ?? (algorithm == SecurityAlgorithms.EcdsaSha256 ? (SecurityKey)Current.Ec : Current.Rsa);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = payload,
            IssuedAt = until.AddHours(-1),
            NotBefore = until.AddHours(-1),
            Expires = until,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
