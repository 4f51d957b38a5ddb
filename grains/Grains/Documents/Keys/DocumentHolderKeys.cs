using Actors.Contracts.Documents;
using Actors.Contracts.Requests;
using Actors.SignedDocuments;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Documents.Keys;

/// <summary>
/// The holder key secret, resolved once: the configured one, else (embedded mode or Development only;
/// <see cref="DocumentOptionsValidator"/> stops other hosts at start) one generated at the machine's first start and kept
/// in an owner-only file, so that a restart finds its holders again.
/// </summary>
public sealed class DocumentHolderKeys(IOptions<DocumentOptions> options) : IDocumentHolderKeys
{
    public const string GeneratedFileName = "document-holder-key";

    /// <summary>The lock file's name; it stays (removing it would let a waiter lock a file that is no longer there).</summary>
    public const string GeneratedLockFileName = ".document-holder-key.lock";

    public const string SecretSetting = DocumentOptions.Section + ":" + nameof(DocumentOptions.HolderKeySecret);

    private readonly Lazy<byte[]> secret = new(() => Resolve(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    public bool KeepsLegacyHolders => options.Value.KeepLegacyHolders;

    public string KeyOf(Applicant applicant) => DocumentHolders.KeyOf(applicant, secret.Value);

    public static byte[] Resolve(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.HolderKeySecret))
        {
            return Parse(options.HolderKeySecret, SecretSetting);
        }

        var text = OwnerOnlyKeyFile.ReadOrCreate(options.GeneratedKeyDirectoryOrDefault, GeneratedFileName, GeneratedLockFileName,
            () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(DocumentHolders.MinimumSecretBytes)) + "\n");
        return Parse(text, Path.Combine(options.GeneratedKeyDirectoryOrDefault, GeneratedFileName));
    }

    /// <exception cref="InvalidOperationException">Not base64, or shorter than <see cref="DocumentHolders.MinimumSecretBytes"/>.</exception>
    public static byte[] Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64.");
        }

        return bytes.Length >= DocumentHolders.MinimumSecretBytes
            ? bytes
            : throw new InvalidOperationException(
                $"{source} must be at least {DocumentHolders.MinimumSecretBytes} bytes; it is {bytes.Length}.");
    }
}
