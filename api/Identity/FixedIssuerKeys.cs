using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>The local issuer's one key: it changes only with the configuration, so there is nothing to refresh.</summary>
public sealed class FixedIssuerKeys(SecurityKey key) : IIssuerKeys
{
    private readonly IReadOnlyCollection<SecurityKey> keys = [key];

    public Task<IReadOnlyCollection<SecurityKey>> GetAsync(CancellationToken cancellationToken) => Task.FromResult(keys);

    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
