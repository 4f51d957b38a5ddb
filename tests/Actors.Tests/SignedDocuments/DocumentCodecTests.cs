using System.Formats.Cbor;
using Actors.SignedDocuments;

namespace Actors.Tests.SignedDocuments;

public sealed class DocumentCodecTests
{
    [Fact]
    public void Writes_the_v1_keys_in_order_with_cwt_claims_for_issuer_and_times()
    {
        var reader = new CborReader(DocumentCodec.Encode(SampleDocuments.Payload()));
        var keys = new List<object>();
        var values = new Dictionary<object, object>();
        Assert.Equal(12, reader.ReadStartMap());
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            object key = reader.PeekState() == CborReaderState.UnsignedInteger ? reader.ReadInt32() : reader.ReadTextString();
            keys.Add(key);
            values[key] = reader.PeekState() == CborReaderState.UnsignedInteger ? reader.ReadUInt64() : reader.ReadTextString();
        }

        Assert.Equal([1, 6, 4, "v", "no", "kd", "gn", "fn", "gnt", "fnt", "dob", "out"], keys);
        Assert.Equal("TN-MI", values[1]);
        Assert.Equal((ulong)SampleDocuments.IssuedAt.ToUnixTimeSeconds(), values[6]);
        Assert.Equal((ulong)(SampleDocuments.IssuedAt + SampleDocuments.Validity).ToUnixTimeSeconds(), values[4]);
        Assert.Equal(1UL, values["v"]);
        Assert.Equal("B3", values["kd"]);
        Assert.Equal("1994-07-21", values["dob"]);
        Assert.Equal("NO_ENTRIES", values["out"]);
    }

    [Fact]
    public void Omits_unknown_latin_names_and_reads_them_back_as_unknown()
    {
        var payload = SampleDocuments.Payload(givenNameLatin: null);
        var cbor = DocumentCodec.Encode(payload);

        Assert.Equal(11, new CborReader(cbor).ReadStartMap());
        Assert.Equal(payload, DocumentCodec.Decode(cbor));
    }

    [Fact]
    public void Ignores_keys_it_does_not_know()
    {
        var writer = new CborWriter();
        writer.WriteStartMap(null);
        writer.WriteTextString("future");
        writer.WriteStartArray(2);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteEndArray();
        writer.WriteInt32(-260);
        writer.WriteBoolean(true);
        writer.WriteByteString([1, 2]);
        writer.WriteTextString("bytes as a key");
        CopyMapEntries(DocumentCodec.Encode(SampleDocuments.Payload()), writer);
        writer.WriteEndMap();

        Assert.Equal(SampleDocuments.Payload(), DocumentCodec.Decode(writer.Encode()));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("dob")]
    [InlineData("v")]
    [InlineData("out")]
    public void A_missing_required_key_is_malformed(string key)
    {
        var writer = new CborWriter();
        writer.WriteStartMap(null);
        CopyMapEntries(DocumentCodec.Encode(SampleDocuments.Payload()), writer, skip: key);
        writer.WriteEndMap();

        Assert.Throws<DocumentFormatException>(() => DocumentCodec.Decode(writer.Encode()));
    }

    [Theory]
    [InlineData("A1")] // a map announced with one entry and nothing in it
    [InlineData("80")] // an empty array
    [InlineData("FF")] // a lone break
    [InlineData("A16176 02")] // version 2
    [InlineData("A1626E6F 01")] // a number where a text is expected
    public void Garbage_cbor_is_malformed(string hex)
    {
        Assert.Throws<DocumentFormatException>(() => DocumentCodec.Decode(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))));
    }

    private static void CopyMapEntries(byte[] map, CborWriter writer, string? skip = null)
    {
        var reader = new CborReader(map);
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = reader.ReadEncodedValue();
            var value = reader.ReadEncodedValue();
            var keyText = new CborReader(key).PeekState() == CborReaderState.TextString ? new CborReader(key).ReadTextString() : null;
            if (skip is null || keyText != skip)
            {
                writer.WriteEncodedValue(key.Span);
                writer.WriteEncodedValue(value.Span);
            }
        }
    }
}
