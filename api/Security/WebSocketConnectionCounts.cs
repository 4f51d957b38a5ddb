using System.Collections.Concurrent;

namespace Actors.Api.Security;

/// <summary>
/// Open GraphQL WebSocket connections per client address and per identity, so that one caller cannot
/// hold an unbounded share of the server's sockets and buffers. A slot is taken before the connection
/// is served and given back when it ends.
/// </summary>
public sealed class WebSocketConnectionCounts
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    public static string AddressKey(string? address) => "address:" + (string.IsNullOrWhiteSpace(address) ? "unknown" : address);

    /// <summary>An identity is the issuer and subject together: two issuers may use the same subject for different people.</summary>
    public static string IdentityKey(string? issuer, string subject) => "identity:" + issuer + "|" + subject;

    /// <summary>True and a slot taken when fewer than <paramref name="limit"/> are open for <paramref name="key"/>.</summary>
    public bool TryEnter(string key, int limit)
    {
        while (true)
        {
            var current = open.GetOrAdd(key, 0);
            if (current >= limit)
            {
                return false;
            }

            if (open.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Leave(string key)
    {
        while (open.TryGetValue(key, out var current))
        {
            if (current <= 1 ? open.TryRemove(new KeyValuePair<string, int>(key, current)) : open.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }

    /// <summary>Connections open for <paramref name="key"/> (tests and diagnostics).</summary>
    public int Count(string key) => open.TryGetValue(key, out var current) ? current : 0;
}
