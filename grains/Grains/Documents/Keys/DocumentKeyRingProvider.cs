using Actors.SignedDocuments;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Documents.Keys;

/// <summary>
/// The silo's signing key ring, built once: from the configured keys when there are any, otherwise from the generated
/// key (allowed only in the embedded mode or Development; <see cref="DocumentOptionsValidator"/> stops other hosts at start).
/// </summary>
public sealed class DocumentKeyRingProvider(IOptions<DocumentOptions> options) : IDisposable
{
    private readonly Lazy<SigningKeyRing> ring = new(() => Build(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    public SigningKeyRing Ring => ring.Value;

    public static SigningKeyRing Build(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = ReadConfiguredKeys(options);
        if (keys.Count == 0)
        {
            // The generated key's start is real time: a rehearsal clock only moves forward, so it never issues before it.
            keys = [GeneratedKeyStore.LoadOrCreate(options.GeneratedKeyDirectoryOrDefault, TimeProvider.System.GetUtcNow())];
        }

        try
        {
            return new SigningKeyRing(options.Issuer, keys, options.Validity);
        }
        catch
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }

            throw;
        }
    }

    /// <summary>The keys under <c>Documents:SigningKeys</c>; an entry that cannot be read is an error naming its setting.</summary>
    /// <exception cref="InvalidOperationException">An entry without exactly one of PrivateKeyPem and PrivateKeyFile, a missing file, an unreadable key.</exception>
    public static List<DocumentSigningKey> ReadConfiguredKeys(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<DocumentSigningKey>();
        try
        {
            for (var i = 0; i < options.SigningKeys.Count; i++)
            {
                keys.Add(Read(options.SigningKeys[i], $"{DocumentOptions.Section}:SigningKeys:{i}"));
            }

            return keys;
        }
        catch
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }

            throw;
        }
    }

    public void Dispose()
    {
        if (ring.IsValueCreated)
        {
            ring.Value.Dispose();
        }
    }

    private static DocumentSigningKey Read(SigningKeyOptions entry, string setting)
    {
        var hasPem = !string.IsNullOrWhiteSpace(entry.PrivateKeyPem);
        var hasFile = !string.IsNullOrWhiteSpace(entry.PrivateKeyFile);
        if (hasPem == hasFile)
        {
            throw new InvalidOperationException($"{setting}: set exactly one of PrivateKeyPem and PrivateKeyFile.");
        }

        if (entry.SignsFrom == default)
        {
            throw new InvalidOperationException($"{setting}:SignsFrom is missing: when this key starts signing (ISO 8601, e.g. 2026-01-01T00:00:00Z).");
        }

        string pem;
        if (hasFile)
        {
            if (!File.Exists(entry.PrivateKeyFile))
            {
                throw new InvalidOperationException($"{setting}:PrivateKeyFile: the file {entry.PrivateKeyFile} does not exist.");
            }

            pem = File.ReadAllText(entry.PrivateKeyFile!);
        }
        else
        {
            pem = entry.PrivateKeyPem!;
        }

        try
        {
            return DocumentSigningKey.FromPem(pem, entry.SignsFrom);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{setting}: {e.Message}", e);
        }
    }
}
