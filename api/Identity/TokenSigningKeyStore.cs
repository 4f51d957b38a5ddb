using System.Security.Cryptography;
using Actors.SignedDocuments;

namespace Actors.Api.Identity;

/// <summary>
/// The local issuer's key in Development: generated at a machine's first start and kept in one owner-only file
/// (<see cref="OwnerOnlyKeyFile"/>), so that tokens survive restarts without any key being written in the source.
/// </summary>
public static class TokenSigningKeyStore
{
    public const string FileName = "token-signing-key";

    /// <summary>The lock file's name; it stays (removing it would let a waiter lock a file that is no longer there).</summary>
    public const string LockFileName = ".token-signing-key.lock";

    private const int KeyBytes = 32;

    public static byte[] LoadOrCreate(string directory)
    {
        var text = OwnerOnlyKeyFile.ReadOrCreate(directory, FileName, LockFileName,
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n");
        return Parse(text, Path.Combine(directory, FileName));
    }

    private static byte[] Parse(string fileText, string path)
    {
        var text = fileText.Trim();
        var key = new byte[KeyBytes];
        if (!Convert.TryFromBase64String(text, key, out var written) || written != KeyBytes)
        {
            throw new InvalidOperationException($"The generated token signing key file {path} does not hold {KeyBytes} bytes in base64; delete it to generate a new key.");
        }

        return key;
    }
}
