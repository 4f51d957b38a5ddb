using System.Collections.Concurrent;
using System.Security.Claims;

namespace Actors.Api.Identity;

/// <summary>
/// Tokens <see cref="BearerTokenValidator"/> has accepted, kept by their exact text so that a client calling again with
/// the same token is not checked again (a signature verification per request is most of what a small read costs). An
/// entry lasts until the token expires (without the validator's clock skew) and never more than <see cref="MaxAge"/>, so
/// that a key the issuer stops publishing stops being honoured within that time, as it would be at the next key refresh.
/// Refusals are never kept: each says why, as of now. Bounded in count; when full it starts again empty.
/// </summary>
public sealed class AcceptedTokens(TimeProvider clock, int capacity = 10_000)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _byToken = new(StringComparer.Ordinal);
    private long _hits;

    /// <summary>Checks answered from an entry.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>A copy of the caller a token was accepted for, while its entry lasts; null otherwise.</summary>
    public ClaimsPrincipal? Find(string token) => Find(token.AsSpan());

    /// <summary>
    /// <see cref="Find(string)"/> of a token still inside its Authorization header: a kept token is looked up without
    /// copying its text (a kilobyte or so) out of the header at every request.
    /// </summary>
    public ClaimsPrincipal? Find(ReadOnlySpan<char> token)
    {
        if (!_byToken.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var kept, out var entry))
        {
            return null;
        }

        if (clock.GetUtcNow() >= entry.Until)
        {
            _byToken.TryRemove(new KeyValuePair<string, (ClaimsPrincipal, DateTimeOffset)>(kept, entry));
            return null;
        }

        Interlocked.Increment(ref _hits);
        // A copy: the authentication pipeline may add to the principal of one request.
        return entry.Principal.Clone();
    }

    public void Remember(string token, ClaimsPrincipal principal, DateTime expiresUtc)
    {
        var now = clock.GetUtcNow();
        var until = new DateTimeOffset(DateTime.SpecifyKind(expiresUtc, DateTimeKind.Utc));
        if (until > now + MaxAge)
        {
            until = now + MaxAge;
        }

        if (until <= now)
        {
            return;
        }

        if (_byToken.Count >= capacity)
        {
            _byToken.Clear();
        }

        _byToken[token] = (principal.Clone(), until);
    }
}
