using System.Buffers.Text;
using System.Security.Cryptography;

namespace Actors.SignedDocuments;

/// <summary>
/// One issuer key: an ECDSA P-256 private key and the moment it starts signing. Its key id is derived from the public
/// key (the first 8 bytes of SHA-256 over the SubjectPublicKeyInfo), so anyone holding the published key can check it.
/// </summary>
public sealed class DocumentSigningKey : IDisposable
{
    private DocumentSigningKey(ECDsa key, DateTimeOffset signsFrom)
    {
        Key = key;
        // Whole seconds, like a document's issued-at: a key that started at .7 s must cover a document stamped that second.
        SignsFrom = DateTimeOffset.FromUnixTimeSeconds(signsFrom.ToUnixTimeSeconds());
        PublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(PublicKeyInfo);
        KeyIdText = Base64Url.EncodeToString(KeyId);
    }

    public ECDsa Key { get; }

    public DateTimeOffset SignsFrom { get; }

    /// <summary>The public key, DER-encoded SubjectPublicKeyInfo: what the keys endpoint publishes.</summary>
    public byte[] PublicKeyInfo { get; }

    public byte[] KeyId { get; }

    /// <summary>The key id as base64url without padding (11 characters).</summary>
    public string KeyIdText { get; }

    public static DocumentSigningKey Generate(DateTimeOffset signsFrom) =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256), signsFrom);

    /// <summary>Reads a PEM private key ("PRIVATE KEY" PKCS#8 or "EC PRIVATE KEY"), which must be on the P-256 curve.</summary>
    /// <exception cref="ArgumentException">Not a PEM private key, or not on P-256.</exception>
    public static DocumentSigningKey FromPem(string pkcs8Pem, DateTimeOffset signsFrom)
    {
        ArgumentNullException.ThrowIfNull(pkcs8Pem);
        var key = ECDsa.Create();
        ECParameters parameters;
        try
        {
            key.ImportFromPem(pkcs8Pem);
            parameters = key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException($"The document signing key is not a readable EC private key in PEM: {e.Message}", nameof(pkcs8Pem), e);
        }

        // Only the curve was wanted: the private scalar copy is not kept around.
        CryptographicOperations.ZeroMemory(parameters.D);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new ArgumentException("A document signing key must be on the P-256 curve (ES256).", nameof(pkcs8Pem));
        }

        return new DocumentSigningKey(key, signsFrom);
    }

    /// <summary>The first 8 bytes of SHA-256 over a SubjectPublicKeyInfo DER.</summary>
    public static byte[] KeyIdOf(ReadOnlySpan<byte> publicKeyInfo) => SHA256.HashData(publicKeyInfo)[..8];

    /// <summary>The private key as PKCS#8 PEM, to keep a generated key across restarts.</summary>
    public string ExportPrivateKeyPem() => Key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => Key.Dispose();
}
