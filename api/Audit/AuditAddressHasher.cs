using System.Security.Cryptography;
using System.Text;

namespace Actors.Api.Audit;

/// <summary>
/// Writes a client address into the trail as a keyed hash: whoever holds the key can check whether a given address
/// made a call (hash it and search), while the trail itself holds no address, so it keeps no personal value and the
/// retention purge need not touch it. A plain hash would not do: the IPv4 space is tried in minutes.
/// </summary>
public sealed class AuditAddressHasher(byte[] key)
{
    private readonly byte[] _key = key.Length > 0 ? key : throw new ArgumentException("The address hash key is empty.", nameof(key));

    public string Hash(string clientAddress) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(clientAddress)))[..32];
}
