using System.Text.Json.Serialization;

namespace Actors.SignedDocuments;

/// <summary>
/// One public key as the keys endpoint shows it. <see cref="ValidFrom"/> is when it starts signing,
/// <see cref="SignsUntil"/> when the next key takes over, <see cref="ValidTo"/> when the last document it signed has
/// expired (null for the current key on both): verifiers keep it until then.
/// </summary>
public sealed record PublishedKey(
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("crv")] string Curve,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("validFrom")] DateTimeOffset ValidFrom,
    [property: JsonPropertyName("signsUntil")] DateTimeOffset? SignsUntil,
    [property: JsonPropertyName("validTo")] DateTimeOffset? ValidTo)
{
    public const string ES256 = "ES256";
    public const string P256 = "P-256";

    /// <summary>True when the key was the one signing at <paramref name="issuedAt"/>: in [ValidFrom, SignsUntil).</summary>
    public bool SignedAt(DateTimeOffset issuedAt) => issuedAt >= ValidFrom && (SignsUntil is null || issuedAt < SignsUntil);
}
