using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>The keys that sign one trusted issuer's tokens.</summary>
public interface IIssuerKeys
{
    Task<IReadOnlyCollection<SecurityKey>> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Fetches the keys again because a token named a key not among them (the issuer may have rotated). False when
    /// nothing was fetched: the keys cannot change, or the last fetch is too recent.
    /// </summary>
    Task<bool> RefreshAsync(CancellationToken cancellationToken);
}
