using Actors.SignedDocuments;

namespace Actors.Tests.SignedDocuments;

/// <summary>Payloads and tampering for the format tests: real documents, altered inside the COSE structure.</summary>
public static class SampleDocuments
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

    public static readonly TimeSpan Validity = TimeSpan.FromDays(90);

    public static DocumentPayload Payload(DateTimeOffset? issuedAt = null, string? givenNameLatin = "Amira")
    {
        var at = issuedAt ?? IssuedAt;
        return new DocumentPayload(
            "7K2QF-4M7TZ-9XW3C",
            DocumentPayload.CriminalRecordExtract,
            "TN-MI",
            "أميرة",
            "بن سالم",
            givenNameLatin,
            "Ben Salem",
            new DateOnly(1994, 7, 21),
            DocumentPayload.NoEntries,
            at,
            at + Validity);
    }

    /// <summary>Opens the QR text, lets <paramref name="alter"/> change the COSE_Sign1 bytes, and seals the text again.</summary>
    public static string Altered(string qrText, Action<byte[]> alter)
    {
        var cose = DocumentSeal.FromQrText(qrText);
        alter(cose);
        return DocumentSeal.ToQrText(cose);
    }

    /// <summary>Flips one bit of the first occurrence of <paramref name="part"/> inside <paramref name="message"/>, at <paramref name="offset"/> into it.</summary>
    public static void FlipInside(byte[] message, ReadOnlySpan<byte> part, int offset)
    {
        var at = message.AsSpan().IndexOf(part);
        Assert.True(at >= 0, "the part to alter is not in the message");
        message[at + offset] ^= 0x01;
    }
}
