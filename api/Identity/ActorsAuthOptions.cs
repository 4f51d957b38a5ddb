namespace Actors.Api.Identity;

/// <summary>
/// Configuration section "Auth": the local issuer (our own HMAC-signed tokens: /dev/token, tests, and deployments that
/// set <see cref="SigningKey"/>) and the OpenID Connect issuers the API trusts (<see cref="Issuers"/>).
/// </summary>
public sealed class ActorsAuthOptions
{
    public const string Section = "Auth";

    /// <summary>The local issuer's <c>iss</c>.</summary>
    public string Issuer { get; set; } = "actors-dev";

    /// <summary>The local issuer's <c>aud</c>.</summary>
    public string Audience { get; set; } = "actors-api";

    /// <summary>
    /// The local issuer's HMAC-SHA256 key, at least 32 bytes. Without it, Development generates one per machine (kept in
    /// <see cref="GeneratedKeyDirectory"/>) and other environments have no local issuer: then at least one entry of
    /// <see cref="Issuers"/> is required.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where Development keeps the local issuer's generated key. Default: the user's local application data, actors/token-keys.</summary>
    public string? GeneratedKeyDirectory { get; set; }

    public string GeneratedKeyDirectoryOrDefault =>
        string.IsNullOrWhiteSpace(GeneratedKeyDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "actors", "token-keys")
            : GeneratedKeyDirectory;

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>OpenID Connect issuers by name ("citizens", "staff"): <c>Auth:Issuers:&lt;name&gt;:Authority</c> and so on.</summary>
    public Dictionary<string, OidcIssuerOptions> Issuers { get; set; } = new(StringComparer.Ordinal);
}
