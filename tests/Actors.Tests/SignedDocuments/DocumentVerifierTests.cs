using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using Actors.SignedDocuments;

namespace Actors.Tests.SignedDocuments;

public sealed class DocumentVerifierTests : IDisposable
{
    private static readonly DateTimeOffset KeyStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Rotation = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SigningKeyRing ring = new(
        "TN-MI",
        [DocumentSigningKey.Generate(KeyStart), DocumentSigningKey.Generate(Rotation)],
        SampleDocuments.Validity);

    private DocumentSigningKey FirstKey => ring.Keys[0];

    private PublishedKeySet Keys => ring.Published(SampleDocuments.IssuedAt);

    [Fact]
    public void A_sealed_document_verifies_and_gives_back_its_payload()
    {
        var payload = SampleDocuments.Payload();
        var text = DocumentSeal.Seal(payload, FirstKey);

        var result = DocumentVerifier.Verify(text, Keys, SampleDocuments.IssuedAt.AddDays(1));

        Assert.StartsWith("TND1:", text, StringComparison.Ordinal);
        Assert.Equal(VerificationVerdict.Valid, result.Verdict);
        Assert.Null(result.Failure);
        Assert.Equal(payload, result.Payload);
        Assert.Equal(FirstKey.KeyIdText, result.KeyId);
        Assert.Contains("7K2QF-4M7TZ-9XW3C", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seal_is_a_tagged_es256_cose_sign1_with_the_key_id_protected()
    {
        var cose = DocumentSeal.FromQrText(DocumentSeal.Seal(SampleDocuments.Payload(), FirstKey));

        Assert.Equal(0xD2, cose[0]); // tag 18
        var message = CoseMessage.DecodeSign1(cose);
        Assert.Equal(-7, message.ProtectedHeaders[CoseHeaderLabel.Algorithm].GetValueAsInt32());
        var kid = message.ProtectedHeaders[CoseHeaderLabel.KeyIdentifier].GetValueAsBytes();
        Assert.Equal(FirstKey.KeyId, kid);
        Assert.Equal(SHA256.HashData(FirstKey.PublicKeyInfo)[..8], kid);
        Assert.Equal(11, FirstKey.KeyIdText.Length);
        Assert.Equal(64, message.Signature.Length);
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored()
    {
        var text = DocumentSeal.Seal(SampleDocuments.Payload(), FirstKey);

        var result = DocumentVerifier.Verify("  \n" + text + "\r\n", Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationVerdict.Valid, result.Verdict);
    }

    [Fact]
    public void A_flipped_byte_in_the_payload_breaks_the_signature()
    {
        var text = DocumentSeal.Seal(SampleDocuments.Payload(), FirstKey);
        var altered = SampleDocuments.Altered(text, cose => SampleDocuments.FlipInside(cose, Encoding.UTF8.GetBytes("7K2QF-4M7TZ-9XW3C"), 3));

        var result = DocumentVerifier.Verify(altered, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationVerdict.Invalid, result.Verdict);
        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
        Assert.Null(result.Payload);
        Assert.Equal("The signature does not match: the document was altered or not issued by TN-MI.", result.Message);
    }

    [Fact]
    public void A_flipped_byte_in_the_signature_breaks_it()
    {
        var text = DocumentSeal.Seal(SampleDocuments.Payload(), FirstKey);
        // The signature is the last element of the COSE_Sign1 array: its final 64 bytes.
        var altered = SampleDocuments.Altered(text, cose => cose[^20] ^= 0x40);

        var result = DocumentVerifier.Verify(altered, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void A_flipped_byte_in_the_key_id_names_an_unknown_key()
    {
        var text = DocumentSeal.Seal(SampleDocuments.Payload(), FirstKey);
        var altered = SampleDocuments.Altered(text, cose => SampleDocuments.FlipInside(cose, FirstKey.KeyId, 5));

        var result = DocumentVerifier.Verify(altered, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationVerdict.Invalid, result.Verdict);
        Assert.Equal(VerificationFailure.UnknownKey, result.Failure);
        Assert.NotEqual(FirstKey.KeyIdText, result.KeyId);
    }

    [Fact]
    public void A_key_that_is_not_published_is_unknown()
    {
        using var stranger = DocumentSigningKey.Generate(KeyStart);
        var text = DocumentSeal.Seal(SampleDocuments.Payload(), stranger);

        var result = DocumentVerifier.Verify(text, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.UnknownKey, result.Failure);
        Assert.Equal(stranger.KeyIdText, result.KeyId);
        Assert.Contains("not among TN-MI's published keys", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stranger_key_published_under_a_real_key_id_fails_the_signature()
    {
        using var stranger = DocumentSigningKey.Generate(KeyStart);
        var text = DocumentSeal.Seal(SampleDocuments.Payload(), FirstKey);
        var forged = Keys.Keys.Select(k => k with { PublicKey = Convert.ToBase64String(stranger.PublicKeyInfo) }).ToList();

        var result = DocumentVerifier.Verify(text, forged, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void A_document_signed_with_a_retired_key_verifies_while_it_is_valid()
    {
        var payload = SampleDocuments.Payload(Rotation.AddDays(-1));
        var text = DocumentSeal.Seal(payload, ring.SignerAt(payload.IssuedAt));
        var afterRotation = Rotation.AddDays(30);
        var published = ring.Published(afterRotation);

        var result = DocumentVerifier.Verify(text, published, afterRotation);

        Assert.Equal(FirstKey.KeyIdText, result.KeyId);
        Assert.NotNull(published.Keys[0].SignsUntil);
        Assert.Equal(VerificationVerdict.Valid, result.Verdict);
    }

    [Fact]
    public void An_expired_document_keeps_a_good_signature_and_shows_its_dates()
    {
        var payload = SampleDocuments.Payload();
        var text = DocumentSeal.Seal(payload, FirstKey);

        var atExpiry = DocumentVerifier.Verify(text, Keys, payload.ValidUntil);
        var justBefore = DocumentVerifier.Verify(text, Keys, payload.ValidUntil.AddSeconds(-1));

        Assert.Equal(VerificationVerdict.Expired, atExpiry.Verdict);
        Assert.Null(atExpiry.Failure);
        Assert.Equal(payload, atExpiry.Payload);
        Assert.Contains("expired on 2026-06-08 09:30 UTC", atExpiry.Message, StringComparison.Ordinal);
        Assert.Equal(VerificationVerdict.Valid, justBefore.Verdict);
    }

    [Fact]
    public void A_document_dated_ahead_of_the_verifiers_clock_is_not_yet_valid_beyond_five_minutes()
    {
        var payload = SampleDocuments.Payload();
        var text = DocumentSeal.Seal(payload, FirstKey);

        var tooEarly = DocumentVerifier.Verify(text, Keys, payload.IssuedAt.AddMinutes(-5).AddSeconds(-1));
        var withinSkew = DocumentVerifier.Verify(text, Keys, payload.IssuedAt.AddMinutes(-5));

        Assert.Equal(VerificationVerdict.NotYetValid, tooEarly.Verdict);
        Assert.Equal(payload, tooEarly.Payload);
        Assert.Equal(VerificationVerdict.Valid, withinSkew.Verdict);
    }

    [Fact]
    public void A_document_dated_outside_its_keys_signing_period_is_invalid()
    {
        // The first key, after the second took over: a document back- or forward-dated with a leaked old key.
        var afterRotation = SampleDocuments.Payload(Rotation.AddDays(2));
        var beforeFirstKey = SampleDocuments.Payload(KeyStart.AddDays(-1));
        var published = ring.Published(Rotation.AddDays(3));

        var late = DocumentVerifier.Verify(DocumentSeal.Seal(afterRotation, FirstKey), published, Rotation.AddDays(3));
        var early = DocumentVerifier.Verify(DocumentSeal.Seal(beforeFirstKey, FirstKey), published, KeyStart);

        Assert.Equal(VerificationFailure.KeyNotValidAtIssue, late.Failure);
        Assert.Equal(VerificationFailure.KeyNotValidAtIssue, early.Failure);
        Assert.Null(late.Payload);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HC1:BB8")]
    [InlineData("tnd1:BB8")]
    [InlineData("TND1:bb8")]
    [InlineData("TND1:BB8A")]
    [InlineData("TND1:%69 VD92EX0")]
    public void Malformed_text_is_invalid_without_throwing(string text)
    {
        var result = DocumentVerifier.Verify(text, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationVerdict.Invalid, result.Verdict);
        Assert.Equal(VerificationFailure.Malformed, result.Failure);
        Assert.Null(result.Payload);
        Assert.StartsWith("This is not a readable document code: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_the_size_limit_is_refused_before_decoding()
    {
        var text = DocumentSeal.Prefix + new string('0', DocumentSeal.MaxTextLength);

        var result = DocumentVerifier.Verify(text, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.Malformed, result.Failure);
        Assert.Contains("at most 4096", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zlib_bomb_is_refused_at_the_inflated_limit()
    {
        var result = DocumentVerifier.Verify(Wrapped(new byte[DocumentSeal.MaxInflatedBytes + 1]), Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.Malformed, result.Failure);
        Assert.Contains("inflates to more than", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_inside_a_good_zlib_stream_is_malformed()
    {
        var result = DocumentVerifier.Verify(Wrapped([0xD2, 0x84, 0x43, 0xFF, 0x00]), Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.Malformed, result.Failure);
        Assert.Contains("COSE_Sign1", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_payload_that_is_not_a_v1_map_is_malformed_after_the_signature_check()
    {
        // Signed correctly with a real key, but the content is a CBOR array: only the payload decode can catch it.
        var writer = new CborWriter();
        writer.WriteStartArray(1);
        writer.WriteTextString("no entries");
        writer.WriteEndArray();
        var text = SignedRaw(writer.Encode(), FirstKey, HashAlgorithmName.SHA256);

        var result = DocumentVerifier.Verify(text, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.Malformed, result.Failure);
        Assert.Equal(FirstKey.KeyIdText, result.KeyId);
    }

    [Fact]
    public void Another_algorithm_is_unsupported()
    {
        var text = SignedRaw(DocumentCodec.Encode(SampleDocuments.Payload()), FirstKey, HashAlgorithmName.SHA384);

        var result = DocumentVerifier.Verify(text, Keys, SampleDocuments.IssuedAt);

        Assert.Equal(VerificationFailure.UnsupportedAlgorithm, result.Failure);
    }

    public void Dispose() => ring.Dispose();

    private static string Wrapped(byte[] inflated)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(inflated);
        }

        return DocumentSeal.Prefix + Base45.Encode(compressed.ToArray());
    }

    /// <summary>Signs any content the way the seal does, with the hash (and so the COSE algorithm) chosen by the test.</summary>
    private static string SignedRaw(byte[] content, DocumentSigningKey key, HashAlgorithmName hash)
    {
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(key.KeyId) };
        return DocumentSeal.ToQrText(CoseSign1Message.SignEmbedded(content, new CoseSigner(key.Key, hash, headers)));
    }
}
