using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.SignedDocuments;

namespace Actors.Verify;

/// <summary>What the tool prints: what the document says, the verdict with its reason, and what only an online check can tell.</summary>
public static class VerificationReport
{
    public const string OnlineOnly =
        "Revocation and replacement by a newer extract are checked online only (GraphQL verifyDocument, with the holder's birth date).";

    public static string Text(DocumentVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        if (result.Payload is { } p)
        {
            Line(text, "Document", $"{p.Number} ({Kind(p.Kind)})");
            Line(text, "Holder", $"{p.GivenName} {p.FamilyName}" + (Latin(p) is { } latin ? $" ({latin})" : string.Empty));
            Line(text, "Born", p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Line(text, "Outcome", p.Outcome == DocumentPayload.NoEntries ? "no entries (NO_ENTRIES)" : p.Outcome);
            Line(text, "Issued", $"{Show(p.IssuedAt)} by {p.Issuer}");
            Line(text, "Valid until", Show(p.ValidUntil));
        }

        if (result.KeyId is not null)
        {
            Line(text, "Key", result.KeyId);
        }

        Line(text, "Verdict", Verdict(result));
        text.AppendLine(result.Message);
        text.AppendLine(OnlineOnly);
        return text.ToString();
    }

    public static string Json(DocumentVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Payload;
        var node = new JsonObject
        {
            ["verdict"] = Verdict(result.Verdict),
            ["failure"] = result.Failure is { } f ? Failure(f) : null,
            ["message"] = result.Message,
            ["keyId"] = result.KeyId,
            ["payload"] = p is null ? null : new JsonObject
            {
                ["number"] = p.Number,
                ["kind"] = p.Kind,
                ["issuer"] = p.Issuer,
                ["givenName"] = p.GivenName,
                ["familyName"] = p.FamilyName,
                ["givenNameLatin"] = p.GivenNameLatin,
                ["familyNameLatin"] = p.FamilyNameLatin,
                ["birthDate"] = p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["outcome"] = p.Outcome,
                ["issuedAt"] = Iso(p.IssuedAt),
                ["validUntil"] = Iso(p.ValidUntil),
            },
            ["onlineOnly"] = OnlineOnly,
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The contract's spelling: VALID, EXPIRED, NOT_YET_VALID, INVALID.</summary>
    public static string Verdict(VerificationVerdict verdict) => verdict switch
    {
        VerificationVerdict.Valid => "VALID",
        VerificationVerdict.Expired => "EXPIRED",
        VerificationVerdict.NotYetValid => "NOT_YET_VALID",
        _ => "INVALID",
    };

    /// <summary>The contract's spelling: MALFORMED, UNSUPPORTED_ALGORITHM, UNKNOWN_KEY, BAD_SIGNATURE, KEY_NOT_VALID_AT_ISSUE.</summary>
    public static string Failure(VerificationFailure failure) => failure switch
    {
        VerificationFailure.Malformed => "MALFORMED",
        VerificationFailure.UnsupportedAlgorithm => "UNSUPPORTED_ALGORITHM",
        VerificationFailure.UnknownKey => "UNKNOWN_KEY",
        VerificationFailure.BadSignature => "BAD_SIGNATURE",
        _ => "KEY_NOT_VALID_AT_ISSUE",
    };

    private static string Verdict(DocumentVerification result) =>
        Verdict(result.Verdict) + (result.Failure is { } f ? $" ({Failure(f)})" : string.Empty);

    private static string Kind(string kind) => kind == DocumentPayload.CriminalRecordExtract ? "B3: bulletin no. 3" : kind;

    private static string? Latin(DocumentPayload p) =>
        p.GivenNameLatin is null && p.FamilyNameLatin is null ? null : $"{p.GivenNameLatin} {p.FamilyNameLatin}".Trim();

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(13)).AppendLine(value);

    private static string Show(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
