using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Documents;

/// <summary>
/// Turns a client address into a keyed hash: a plain hash of an IPv4 address is reversed by trying all four
/// billion, a keyed one is not without the key, which is never stored next to the log.
/// </summary>
public sealed class ClientAddressHasher(IOptions<DocumentAccessOptions> options)
{
    private readonly byte[] key = options.Value.AddressHashKey is { Length: > 0 } configured
        ? Convert.FromBase64String(configured)
        : RandomNumberGenerator.GetBytes(32);

    public string Hash(string clientAddress) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(clientAddress)))[..16];
}
