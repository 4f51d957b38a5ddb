using System.Formats.Cbor;
using System.Globalization;

namespace Actors.SignedDocuments;

/// <summary>
/// The v1 payload as a CBOR map: the registered CWT claims for issuer (1), issued-at (6) and expiry (4), short text
/// keys for the rest, so the sealed document stays small enough for a QR code that a phone camera reads at arm's length.
/// </summary>
public static class DocumentCodec
{
    public const int Version = 1;

    private const int IssuerClaim = 1;
    private const int ExpiryClaim = 4;
    private const int IssuedAtClaim = 6;
    private const string DateFormat = "yyyy-MM-dd";

    public static byte[] Encode(DocumentPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var writer = new CborWriter(CborConformanceMode.Strict);
        var count = 10 + (payload.GivenNameLatin is null ? 0 : 1) + (payload.FamilyNameLatin is null ? 0 : 1);
        writer.WriteStartMap(count);
        writer.WriteInt32(IssuerClaim);
        writer.WriteTextString(payload.Issuer);
        writer.WriteInt32(IssuedAtClaim);
        writer.WriteUInt64(UnixSeconds(payload.IssuedAt, nameof(payload.IssuedAt)));
        writer.WriteInt32(ExpiryClaim);
        writer.WriteUInt64(UnixSeconds(payload.ValidUntil, nameof(payload.ValidUntil)));
        writer.WriteTextString("v");
        writer.WriteUInt32(Version);
        WriteText(writer, "no", payload.Number);
        WriteText(writer, "kd", payload.Kind);
        WriteText(writer, "gn", payload.GivenName);
        WriteText(writer, "fn", payload.FamilyName);
        if (payload.GivenNameLatin is not null)
        {
            WriteText(writer, "gnt", payload.GivenNameLatin);
        }

        if (payload.FamilyNameLatin is not null)
        {
            WriteText(writer, "fnt", payload.FamilyNameLatin);
        }

        WriteText(writer, "dob", payload.BirthDate.ToString(DateFormat, CultureInfo.InvariantCulture));
        WriteText(writer, "out", payload.Outcome);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <exception cref="DocumentFormatException">Not a CBOR map, a required key missing or of the wrong type, an unknown version.</exception>
    public static DocumentPayload Decode(ReadOnlyMemory<byte> cbor)
    {
        try
        {
            return Read(new CborReader(cbor, CborConformanceMode.Strict));
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new DocumentFormatException($"The payload is not a valid v1 document: {e.Message}", e);
        }
    }

    private static DocumentPayload Read(CborReader reader)
    {
        string? issuer = null, number = null, kind = null, givenName = null, familyName = null, givenNameLatin = null,
            familyNameLatin = null, birthDate = null, outcome = null;
        ulong? issuedAt = null, validUntil = null, version = null;
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            switch (reader.PeekState())
            {
                case CborReaderState.UnsignedInteger:
                    switch (reader.ReadUInt64())
                    {
                        case IssuerClaim: issuer = reader.ReadTextString(); break;
                        case IssuedAtClaim: issuedAt = reader.ReadUInt64(); break;
                        case ExpiryClaim: validUntil = reader.ReadUInt64(); break;
                        default: reader.SkipValue(); break;
                    }

                    break;
                case CborReaderState.TextString:
                    switch (reader.ReadTextString())
                    {
                        case "v": version = reader.ReadUInt64(); break;
                        case "no": number = reader.ReadTextString(); break;
                        case "kd": kind = reader.ReadTextString(); break;
                        case "gn": givenName = reader.ReadTextString(); break;
                        case "fn": familyName = reader.ReadTextString(); break;
                        case "gnt": givenNameLatin = reader.ReadTextString(); break;
                        case "fnt": familyNameLatin = reader.ReadTextString(); break;
                        case "dob": birthDate = reader.ReadTextString(); break;
                        case "out": outcome = reader.ReadTextString(); break;
                        default: reader.SkipValue(); break;
                    }

                    break;
                default:
                    // A key of another type is not ours: skip it and its value, as for any unknown key.
                    reader.SkipValue();
                    reader.SkipValue();
                    break;
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0)
        {
            throw new DocumentFormatException("The payload has data after its map.");
        }

        if (version != Version)
        {
            throw new DocumentFormatException(version is null
                ? "The payload has no version (\"v\")."
                : $"The payload is of version {version}; this reader knows version {Version}.");
        }

        return new DocumentPayload(
            Required(number, "no"),
            Required(kind, "kd"),
            Required(issuer, "1 (iss)"),
            Required(givenName, "gn"),
            Required(familyName, "fn"),
            givenNameLatin,
            familyNameLatin,
            DateOnly.ParseExact(Required(birthDate, "dob"), DateFormat, CultureInfo.InvariantCulture),
            Required(outcome, "out"),
            Instant(Required(issuedAt, "6 (iat)")),
            Instant(Required(validUntil, "4 (exp)")));
    }

    private static void WriteText(CborWriter writer, string key, string value)
    {
        writer.WriteTextString(key);
        writer.WriteTextString(value);
    }

    private static ulong UnixSeconds(DateTimeOffset instant, string name)
    {
        var seconds = instant.ToUnixTimeSeconds();
        return seconds >= 0 ? (ulong)seconds : throw new ArgumentOutOfRangeException(name, instant, "A document time cannot be before 1970.");
    }

    private static DateTimeOffset Instant(ulong seconds) =>
        seconds <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds((long)seconds)
            : throw new DocumentFormatException($"The time {seconds} is out of range.");

    private static T Required<T>(T? value, string key)
        where T : class =>
        value ?? throw new DocumentFormatException($"The payload has no \"{key}\".");

    private static ulong Required(ulong? value, string key) =>
        value ?? throw new DocumentFormatException($"The payload has no \"{key}\".");
}
