using System.Security.Cryptography;
using Actors.SignedDocuments;

namespace Actors.Tests.SignedDocuments;

public sealed class DocumentSigningKeyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_exported_as_pem_comes_back_with_the_same_key_id()
    {
        using var key = DocumentSigningKey.Generate(Start);
        var pem = key.ExportPrivateKeyPem();

        using var again = DocumentSigningKey.FromPem(pem, Start);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.Equal(key.KeyId, again.KeyId);
        Assert.Equal(key.PublicKeyInfo, again.PublicKeyInfo);
    }

    [Fact]
    public void An_ec_private_key_pem_is_read_too()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var key = DocumentSigningKey.FromPem(ecdsa.ExportECPrivateKeyPem(), Start);

        Assert.Equal(ecdsa.ExportSubjectPublicKeyInfo(), key.PublicKeyInfo);
    }

    [Fact]
    public void A_public_key_another_curve_or_not_a_key_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Contains("P-256", Assert.Throws<ArgumentException>(() => DocumentSigningKey.FromPem(p384.ExportPkcs8PrivateKeyPem(), Start)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DocumentSigningKey.FromPem(p256.ExportSubjectPublicKeyInfoPem(), Start));
        Assert.Throws<ArgumentException>(() => DocumentSigningKey.FromPem("not a key", Start));
    }
}
