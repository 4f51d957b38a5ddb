using System.Globalization;
using Actors.SignedDocuments;

namespace Actors.Grains.Documents.Keys;

/// <summary>
/// The key a developer's host generates at first start and keeps in one owner-only file (<see cref="OwnerOnlyKeyFile"/>),
/// so that documents issued before a restart still verify after it. The file starts with a line saying when the key
/// starts signing, then the PKCS#8 PEM.
/// </summary>
public static class GeneratedKeyStore
{
    public const string FileName = "document-signing-key.pem";

    private const string SignsFromLine = "Signs from: ";

    /// <summary>The lock file's name; it stays (removing it would let a waiter lock a file that is no longer there).</summary>
    public const string LockFileName = ".document-signing-key.lock";

    public static DocumentSigningKey LoadOrCreate(string directory, DateTimeOffset now)
    {
        var text = OwnerOnlyKeyFile.ReadOrCreate(directory, FileName, LockFileName, () =>
        {
            var signsFrom = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
            using var key = DocumentSigningKey.Generate(signsFrom);
            return SignsFromLine + signsFrom.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\n" + key.ExportPrivateKeyPem() + "\n";
        });
        return Parse(text, Path.Combine(directory, FileName));
    }

    private static DocumentSigningKey Parse(string text, string path)
    {
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (!firstLine.StartsWith(SignsFromLine, StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(firstLine[SignsFromLine.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signsFrom))
        {
            throw new InvalidOperationException($"The generated document key file {path} does not start with \"{SignsFromLine}<ISO time>\"; delete it to generate a new key.");
        }

        return DocumentSigningKey.FromPem(text, signsFrom);
    }
}
