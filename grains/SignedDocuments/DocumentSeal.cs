using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;

namespace Actors.SignedDocuments;

/// <summary>
/// Seals a payload into the text a QR code carries: "TND1:" + Base45(zlib(COSE_Sign1)), and opens that text again.
/// </summary>
public static class DocumentSeal
{
    /// <summary>The version prefix; case-sensitive.</summary>
    public const string Prefix = "TND1:";

    /// <summary>Longer input is refused before any decoding: a v1 document is well under a thousand characters.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Bound on the inflated COSE message, so that a small zlib bomb cannot exhaust a verifier's memory.</summary>
    public const int MaxInflatedBytes = 16 * 1024;

    public static string Seal(DocumentPayload payload, DocumentSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(key);
        var protectedHeaders = new CoseHeaderMap
        {
            [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(key.KeyId),
        };
        var signer = new CoseSigner(key.Key, HashAlgorithmName.SHA256, protectedHeaders);
        return ToQrText(CoseSign1Message.SignEmbedded(DocumentCodec.Encode(payload), signer));
    }

    /// <summary>Wraps COSE_Sign1 bytes as QR text (zlib, Base45, prefix).</summary>
    public static string ToQrText(ReadOnlySpan<byte> coseSign1)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(coseSign1);
        }

        return Prefix + Base45.Encode(compressed.ToArray());
    }

    /// <summary>The COSE_Sign1 bytes inside QR text, after checking prefix, size, Base45 and zlib.</summary>
    /// <exception cref="DocumentFormatException">Any of those checks fails.</exception>
    public static byte[] FromQrText(string qrText)
    {
        ArgumentNullException.ThrowIfNull(qrText);
        var text = qrText.Trim();
        if (text.Length > MaxTextLength)
        {
            throw new DocumentFormatException($"The text is {text.Length} characters long; a document code is at most {MaxTextLength}.");
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new DocumentFormatException($"The text does not start with \"{Prefix}\".");
        }

        var compressed = Base45.Decode(text[Prefix.Length..]);
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            var buffer = new byte[4096];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                inflated.Write(buffer, 0, read);
                if (inflated.Length > MaxInflatedBytes)
                {
                    throw new DocumentFormatException($"The document inflates to more than {MaxInflatedBytes} bytes.");
                }
            }

            return inflated.Length > 0 ? inflated.ToArray() : throw new DocumentFormatException("The compressed data is empty.");
        }
        catch (InvalidDataException e)
        {
            throw new DocumentFormatException("The data is not a zlib stream.", e);
        }
    }
}
