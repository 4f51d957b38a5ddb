using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>
/// An OpenID Connect issuer's signing keys, read from its discovery document and JWKS and cached. Not the library's
/// ConfigurationManager: it refreshes in the background, so the first token signed with a rotated key would be
/// refused; here the request that meets an unknown key waits for one refetch, and refetches are bounded to one per
/// <see cref="OidcIssuerOptions.KeyRefreshInterval"/> so that tokens naming made-up keys cannot make us hammer the issuer.
/// </summary>
public sealed class OidcIssuerKeys(string name, OidcIssuerOptions options, HttpClient http, TimeProvider clock, ILogger logger) : IIssuerKeys
{
    private readonly SemaphoreSlim fetching = new(1, 1);
    private volatile Snapshot? current;

    public async Task<IReadOnlyCollection<SecurityKey>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.FetchedAt < options.AutomaticRefreshInterval)
        {
            return snapshot.Keys;
        }

        return (await FetchAsync(snapshot, options.AutomaticRefreshInterval, cancellationToken)).Keys;
    }

    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.FetchedAt < options.KeyRefreshInterval)
        {
            return false;
        }

        var fetched = await FetchAsync(snapshot, options.KeyRefreshInterval, cancellationToken);
        return !ReferenceEquals(fetched, snapshot);
    }

    /// <summary>One fetch at a time; callers that queued behind it take its result rather than fetching again.</summary>
    private async Task<Snapshot> FetchAsync(Snapshot? seen, TimeSpan freshEnough, CancellationToken cancellationToken)
    {
        await fetching.WaitAsync(cancellationToken);
        try
        {
            var latest = current;
            if (latest is not null && !ReferenceEquals(latest, seen) && clock.GetUtcNow() - latest.FetchedAt < freshEnough)
            {
                return latest;
            }

            try
            {
                var retriever = new HttpDocumentRetriever(http) { RequireHttps = options.RequireHttpsMetadata };
                var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(options.MetadataAddressOrDefault, retriever, cancellationToken);
                if (!string.Equals(configuration.Issuer, options.IssuerOrDefault, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"Auth:Issuers:{name}: the discovery document at {options.MetadataAddressOrDefault} names the issuer '{configuration.Issuer}', not the configured '{options.IssuerOrDefault}'.");
                }

                var fetched = new Snapshot([.. configuration.SigningKeys], clock.GetUtcNow());
                current = fetched;
                return fetched;
            }
            catch (Exception ex) when (latest is not null && ex is not OperationCanceledException)
            {
                // Keep validating with the keys we have: an issuer that is briefly unreachable must not sign everyone out.
                logger.LogWarning(ex, "Could not refetch the keys of token issuer {Issuer}; keeping the ones fetched at {FetchedAt}.", name, latest.FetchedAt);
                var kept = latest with { FetchedAt = clock.GetUtcNow() };
                current = kept;
                return kept;
            }
        }
        finally
        {
            fetching.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyCollection<SecurityKey> Keys, DateTimeOffset FetchedAt);
}
