using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Actors.SignedDocuments;
using Actors.Tests.Transport;

namespace Actors.Tests.Documents;

/// <summary>
/// The /verify page's own code (api/wwwroot/verify/verify.js, run by tests/conformance/verify-rules-check.mjs) and the
/// C# <see cref="DocumentVerifier"/> give the same verdict and failure on the same inputs: genuine documents from a
/// current and a retired key, every kind of alteration, and malformed text. Each case also has the verdict format v1
/// prescribes, so that the two cannot agree on a wrong answer.
/// </summary>
public sealed partial class VerifyPageRulesTests
{
    private const string Number = "7K2QF-4M7TZ-9XW3C";

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task The_page_and_the_CSharp_verifier_agree_on_every_case()
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? "");
        using var retired = DocumentSigningKey.Generate(Now.AddDays(-400));
        using var current = DocumentSigningKey.Generate(Now.AddDays(-60));
        using var stranger = DocumentSigningKey.Generate(Now.AddDays(-60));
        var ring = new SigningKeyRing("TN-MI", [retired, current], TimeSpan.FromDays(90));
        var keysJson = ring.Published(Now).ToJson();
        Assert.Equal(2, PublishedKeySet.FromJson(keysJson).Keys.Count);

        var valid = Sign(Encode(Payload(Now.AddMinutes(-10), Now.AddDays(90))), current);
        List<(string Name, string Text, string Expected)> cases =
        [
            ("valid", Text(valid), "VALID"),
            ("valid, padded with whitespace", " \n" + Text(valid) + "\n ", "VALID"),
            ("valid, untagged COSE_Sign1", Text(valid[1..]), "VALID"),
            ("retired key, issued while it signed", Text(Sign(Encode(Payload(Now.AddDays(-70), Now.AddDays(20))), retired)), "VALID"),
            ("retired key, issued after it stopped signing", Text(Sign(Encode(Payload(Now.AddDays(-10), Now.AddDays(80))), retired)), "INVALID:KEY_NOT_VALID_AT_ISSUE"),
            ("current key, issued before it signed", Text(Sign(Encode(Payload(Now.AddDays(-61), Now.AddDays(29))), current)), "INVALID:KEY_NOT_VALID_AT_ISSUE"),
            ("expired", Text(Sign(Encode(Payload(Now.AddDays(-50), Now.AddDays(-1))), current)), "EXPIRED"),
            ("expires this very second", Text(Sign(Encode(Payload(Now.AddDays(-50), Now)), current)), "EXPIRED"),
            ("issued in 10 minutes", Text(Sign(Encode(Payload(Now.AddMinutes(10), Now.AddDays(90))), current)), "NOT_YET_VALID"),
            ("issued in 4 minutes (clock skew)", Text(Sign(Encode(Payload(Now.AddMinutes(4), Now.AddDays(90))), current)), "VALID"),
            ("unpublished key", Text(Sign(Encode(Payload(Now.AddMinutes(-10), Now.AddDays(90))), stranger)), "INVALID:UNKNOWN_KEY"),
            ("flipped payload byte", Text(Flip(valid, Find(valid, "7K2QF"u8))), "INVALID:BAD_SIGNATURE"),
            ("flipped signature byte", Text(Flip(valid, valid.Length - 1)), "INVALID:BAD_SIGNATURE"),
            ("flipped key id byte", Text(Flip(valid, Find(valid, current.KeyId))), "INVALID:UNKNOWN_KEY"),
            ("another key under the current key id", Text(Sign(Encode(Payload(Now, Now.AddDays(90))), stranger, current.KeyId)), "INVALID:BAD_SIGNATURE"),
            ("ES384", Text(Sign(Encode(Payload(Now, Now.AddDays(90))), current, hash: HashAlgorithmName.SHA384)), "INVALID:UNSUPPORTED_ALGORITHM"),
            ("detached payload", Text(CoseSign1Message.SignDetached(Encode(Payload(Now, Now.AddDays(90))), Signer(current, current.KeyId, HashAlgorithmName.SHA256))), "INVALID:MALFORMED"),
            ("payload with an unknown key", Text(Sign(Custom(null, ("zz", "extra")), current)), "VALID"),
            ("payload with a byte-string key", Text(Sign(Custom(null, (new byte[] { 1 }, "extra")), current)), "VALID"),
            ("payload with a negative key", Text(Sign(Custom(null, (-5, "extra")), current)), "VALID"),
            ("payload without a birth date", Text(Sign(Custom("dob"), current)), "INVALID:MALFORMED"),
            ("payload of version 2", Text(Sign(Custom("v", ("v", 2UL)), current)), "INVALID:MALFORMED"),
            ("payload with a numeric document number", Text(Sign(Custom("no", ("no", 12345UL)), current)), "INVALID:MALFORMED"),
            ("payload born on 30 February", Text(Sign(Custom("dob", ("dob", "1994-02-30")), current)), "INVALID:MALFORMED"),
            ("payload with a duplicate key", Text(Sign(Custom(null, ("no", "AAAAA-BBBBB-CCCCC")), current)), "INVALID:MALFORMED"),
            ("payload valid until year 10000", Text(Sign(Custom("4", (4, 253402300800UL)), current)), "INVALID:MALFORMED"),
            ("payload not a map", Text(Sign([0x83, 0x01, 0x02, 0x03], current)), "INVALID:MALFORMED"),
            ("lower-case prefix", "tnd1:" + Text(valid)[5..], "INVALID:MALFORMED"),
            ("another prefix", "HC1:" + Text(valid)[5..], "INVALID:MALFORMED"),
            ("not Base45", "TND1:abc", "INVALID:MALFORMED"),
            ("Base45 of an impossible length", "TND1:ABCD", "INVALID:MALFORMED"),
            ("Base45 but not zlib", "TND1:" + Base45.Encode([1, 2, 3, 4]), "INVALID:MALFORMED"),
            ("zlib but not COSE", Text([0x01, 0x02]), "INVALID:MALFORMED"),
            ("inflates past 16 KiB", Text(new byte[20_000]), "INVALID:MALFORMED"),
            ("over 4,096 characters", "TND1:" + new string('0', 4095), "INVALID:MALFORMED"),
            ("empty", "", "INVALID:MALFORMED"),
        ];

        var expected = cases.Select(c => (c.Name, c.Expected)).ToList();
        var csharp = cases.Select(c => (c.Name, Describe(DocumentVerifier.Verify(c.Text, PublishedKeySet.FromJson(keysJson), Now)))).ToList();
        var page = await RunPageVerifier(keysJson, cases.Select(c => (c.Name, c.Text)));

        Assert.Equal(expected, csharp);
        Assert.Equal(expected, page);
    }

    private static async Task<List<(string Name, string Verdict)>> RunPageVerifier(string keysJson, IEnumerable<(string Name, string Text)> cases)
    {
        var file = Path.Combine(Path.GetTempPath(), $"actors-verify-rules-{Guid.NewGuid():N}.json");
        var input = new JsonObject
        {
            ["keys"] = JsonNode.Parse(keysJson),
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["text"] = c.Text, ["now"] = Now.ToString("O") }).ToArray()),
        };
        await File.WriteAllTextAsync(file, input.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await NodeScript.RunAsync("verify-rules-check.mjs", file);
            Assert.True(exitCode == 0, output);
            return JsonNode.Parse(output)!.AsArray()
                .Select(r => (r!["name"]!.GetValue<string>(),
                    r["verdict"]!.GetValue<string>() + (r["failure"] is JsonValue failure ? ":" + failure.GetValue<string>() : "")))
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Describe(DocumentVerification verification) =>
        Snake(verification.Verdict.ToString()) + (verification.Failure is { } failure ? ":" + Snake(failure.ToString()) : "");

    private static string Snake(string pascal) => WordStart().Replace(pascal, "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();

    private static DocumentPayload Payload(DateTimeOffset issuedAt, DateTimeOffset validUntil) =>
        new(Number, DocumentPayload.CriminalRecordExtract, "TN-MI", "أميرة", "بن صالح", "Amira", "Ben Salah",
            new DateOnly(1994, 3, 17), DocumentPayload.NoEntries, issuedAt, validUntil);

    private static byte[] Encode(DocumentPayload payload) => DocumentCodec.Encode(payload);

    /// <summary>A valid payload's entries, one left out, others added at the end: keys and values of any CBOR type.</summary>
    private static byte[] Custom(string? omit, params (object Key, object Value)[] extra)
    {
        var reader = new CborReader(Encode(Payload(Now.AddMinutes(-10), Now.AddDays(90))));
        var entries = new List<(object Key, object Value)>();
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            object key = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : (int)reader.ReadUInt64();
            object value = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : reader.ReadUInt64();
            if (key.ToString() != omit)
            {
                entries.Add((key, value));
            }
        }

        entries.AddRange(extra);
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(entries.Count);
        foreach (var (key, value) in entries)
        {
            Write(writer, key);
            Write(writer, value);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    private static void Write(CborWriter writer, object value)
    {
        switch (value)
        {
            case string text: writer.WriteTextString(text); break;
            case int number: writer.WriteInt32(number); break;
            case ulong number: writer.WriteUInt64(number); break;
            case byte[] bytes: writer.WriteByteString(bytes); break;
            default: throw new ArgumentException($"No CBOR for {value.GetType()}.", nameof(value));
        }
    }

    private static CoseSigner Signer(DocumentSigningKey key, byte[] keyId, HashAlgorithmName hash) =>
        new(key.Key, hash, new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(keyId) });

    private static byte[] Sign(byte[] payload, DocumentSigningKey key, byte[]? keyId = null, HashAlgorithmName? hash = null) =>
        CoseSign1Message.SignEmbedded(payload, Signer(key, keyId ?? key.KeyId, hash ?? HashAlgorithmName.SHA256));

    private static string Text(byte[] coseOrAnything) => DocumentSeal.ToQrText(coseOrAnything);

    private static byte[] Flip(byte[] bytes, int index)
    {
        var altered = (byte[])bytes.Clone();
        altered[index] ^= 0x01;
        return altered;
    }

    private static int Find(byte[] bytes, ReadOnlySpan<byte> part)
    {
        var index = bytes.AsSpan().IndexOf(part);
        Assert.True(index >= 0, "The part to alter is not in the message.");
        return index;
    }
}
