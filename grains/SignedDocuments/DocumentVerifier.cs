using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;

namespace Actors.SignedDocuments;

/// <summary>
/// Checks QR text offline against published keys, by the v1 rules in order: readable, ES256, known key, signature,
/// payload, key in use at issue, dates. Never throws for bad input: every problem is a verdict with a plain sentence.
/// </summary>
public static class DocumentVerifier
{
    /// <summary>A verifier's clock may be a little behind the issuer's: a document dated this far ahead is still valid.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int ES256 = -7;

    public static DocumentVerification Verify(string qrText, PublishedKeySet keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Verify(qrText, keys.Keys, now, keys.Issuer);
    }

    public static DocumentVerification Verify(string qrText, IReadOnlyCollection<PublishedKey> keys, DateTimeOffset now) =>
        Verify(qrText, keys, now, issuer: null);

    private static DocumentVerification Verify(string? qrText, IReadOnlyCollection<PublishedKey> keys, DateTimeOffset now, string? issuer)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var issuerName = issuer ?? "the issuer";
        CoseSign1Message message;
        try
        {
            message = CoseMessage.DecodeSign1(DocumentSeal.FromQrText(qrText ?? string.Empty));
        }
        catch (DocumentFormatException e)
        {
            return Invalid(VerificationFailure.Malformed, null, $"This is not a readable document code: {Lower(e.Message)}");
        }
        catch (CryptographicException)
        {
            return Invalid(VerificationFailure.Malformed, null, "This is not a readable document code: the signed structure (COSE_Sign1) is damaged.");
        }

        if (message.Content is null)
        {
            return Invalid(VerificationFailure.Malformed, null, "This is not a readable document code: the signed structure carries no payload.");
        }

        if (!IsES256(message.ProtectedHeaders))
        {
            return Invalid(VerificationFailure.UnsupportedAlgorithm, null, "The document is signed with an algorithm this verifier does not accept (only ES256 is used).");
        }

        var keyId = KeyIdOf(message.ProtectedHeaders);
        var key = keyId is null ? null : keys.FirstOrDefault(k => k.KeyId == keyId && k.Algorithm == PublishedKey.ES256);
        if (key is null)
        {
            return Invalid(VerificationFailure.UnknownKey, keyId, keyId is null
                ? "The document names no signing key, so it cannot have been issued by " + issuerName + "."
                : $"The document was signed with key {keyId}, which is not among {issuerName}'s published keys: it was not issued by {issuerName}, or the keys here are out of date.");
        }

        if (!SignatureHolds(message, key))
        {
            return Invalid(VerificationFailure.BadSignature, keyId, $"The signature does not match: the document was altered or not issued by {issuerName}.");
        }

        DocumentPayload payload;
        try
        {
            payload = DocumentCodec.Decode(message.Content.Value);
        }
        catch (DocumentFormatException e)
        {
            return Invalid(VerificationFailure.Malformed, keyId, $"The signature is good but the content cannot be read: {Lower(e.Message)}");
        }

        if (!key.SignedAt(payload.IssuedAt))
        {
            return Invalid(VerificationFailure.KeyNotValidAtIssue, keyId,
                $"The document says it was issued on {Show(payload.IssuedAt)}, when key {keyId} was not the one signing documents.");
        }

        if (now < payload.IssuedAt - ClockSkew)
        {
            return new DocumentVerification(VerificationVerdict.NotYetValid, null, payload, keyId,
                $"The signature is good but the document is dated {Show(payload.IssuedAt)}, later than now: check this device's clock.");
        }

        return now >= payload.ValidUntil
            ? new DocumentVerification(VerificationVerdict.Expired, null, payload, keyId,
                $"The signature is good but the document expired on {Show(payload.ValidUntil)}.")
            : new DocumentVerification(VerificationVerdict.Valid, null, payload, keyId,
                $"The signature is good: document {payload.Number} was issued by {payload.Issuer} on {Show(payload.IssuedAt)} and is valid until {Show(payload.ValidUntil)}.");
    }

    private static bool IsES256(CoseHeaderMap headers)
    {
        if (!headers.TryGetValue(CoseHeaderLabel.Algorithm, out var algorithm))
        {
            return false;
        }

        try
        {
            return algorithm.GetValueAsInt32() == ES256;
        }
        catch (InvalidOperationException)
        {
            // A text algorithm name, or a number out of range: not ES256 either way.
            return false;
        }
    }

    private static string? KeyIdOf(CoseHeaderMap headers)
    {
        if (!headers.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var value))
        {
            return null;
        }

        try
        {
            return Base64Url.EncodeToString(value.GetValueAsBytes());
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool SignatureHolds(CoseSign1Message message, PublishedKey key)
    {
        try
        {
            using var publicKey = ECDsa.Create();
            publicKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key.PublicKey), out _);
            return message.VerifyEmbedded(publicKey);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private static DocumentVerification Invalid(VerificationFailure failure, string? keyId, string message) =>
        new(VerificationVerdict.Invalid, failure, null, keyId, message);

    private static string Show(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Lower(string sentence) =>
        sentence.Length > 0 ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : sentence;
}
