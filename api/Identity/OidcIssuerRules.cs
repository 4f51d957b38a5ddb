namespace Actors.Api.Identity;

/// <summary>Startup checks of one <c>Auth:Issuers:&lt;name&gt;</c> entry: a mistake stops the host with the key to fix.</summary>
public static class OidcIssuerRules
{
    /// <summary>Asymmetric algorithms only: an issuer's keys are public, so an HMAC "signature" with them proves nothing.</summary>
    private static readonly HashSet<string> AsymmetricAlgorithms =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    public static void Check(string name, OidcIssuerOptions issuer)
    {
        var key = $"Auth:Issuers:{name}";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(issuer.Authority) && string.IsNullOrWhiteSpace(issuer.MetadataAddress))
        {
            problems.Add($"{key}: set Authority or MetadataAddress");
        }

        if (string.IsNullOrWhiteSpace(issuer.IssuerOrDefault))
        {
            problems.Add($"{key}:Issuer is missing (the exact iss of its tokens)");
        }

        if (string.IsNullOrWhiteSpace(issuer.Audience))
        {
            problems.Add($"{key}:Audience is missing (the aud its tokens carry for this API)");
        }

        if (issuer.Roles.Count == 0)
        {
            problems.Add($"{key}:Roles is empty (the roles this issuer may assert, e.g. CITIZEN)");
        }

        problems.AddRange(issuer.Roles.Where(role => ActorClaims.ParseRole(role) is null)
            .Select(role => $"{key}:Roles: {role} is not a role of this API"));
        if (issuer.ImpliedRole is not null && (ActorClaims.ParseRole(issuer.ImpliedRole) is null || !issuer.Roles.Contains(issuer.ImpliedRole)))
        {
            problems.Add($"{key}:ImpliedRole: {issuer.ImpliedRole} must be one of its Roles");
        }

        if (issuer.Algorithms.Count == 0 || issuer.Algorithms.Any(algorithm => !AsymmetricAlgorithms.Contains(algorithm)))
        {
            problems.Add($"{key}:Algorithms: one or more of {string.Join(", ", AsymmetricAlgorithms)}");
        }

        if (issuer.KeyRefreshInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{key}:KeyRefreshInterval must be at least 00:00:01 (it bounds how often a token can make us refetch the keys)");
        }

        if (issuer.AutomaticRefreshInterval < issuer.KeyRefreshInterval)
        {
            problems.Add($"{key}:AutomaticRefreshInterval must not be shorter than KeyRefreshInterval");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems) + ".");
        }
    }
}
