namespace Actors.Api.Identity;

/// <summary>
/// One OpenID Connect issuer the API trusts (<c>Auth:Issuers:&lt;name&gt;</c>): where its discovery document is, which
/// <c>iss</c> and <c>aud</c> its tokens carry for this API, and which roles it may assert.
/// </summary>
public sealed class OidcIssuerOptions
{
    /// <summary>The issuer's base address; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's address, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The exact <c>iss</c> of its tokens (and of its discovery document). Default: <see cref="Authority"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> its tokens must carry for this API (the client id the issuer knows this API by).</summary>
    public string? Audience { get; set; }

    /// <summary>The roles (CITIZEN, AGENT, …) this issuer may assert; a token with any other role is refused.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The role of a token that carries no role claim (e.g. CITIZEN for the citizens' issuer); none by default.</summary>
    public string? ImpliedRole { get; set; }

    /// <summary>The claim that carries the role.</summary>
    public string RoleClaim { get; set; } = ActorClaims.Role;

    /// <summary>The signature algorithms accepted from this issuer.</summary>
    public List<string> Algorithms { get; set; } = ["RS256", "ES256"];

    /// <summary>Discovery and keys over https only; false is for tests and local issuers.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>At most one refetch of the keys per this interval when a token names an unknown key (rotation).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Keys are refetched after this long even when no token asks for it.</summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    public string MetadataAddressOrDefault =>
        !string.IsNullOrWhiteSpace(MetadataAddress)
            ? MetadataAddress
            : (Authority ?? "").TrimEnd('/') + "/.well-known/openid-configuration";

    public string IssuerOrDefault => !string.IsNullOrWhiteSpace(Issuer) ? Issuer : Authority ?? "";
}
