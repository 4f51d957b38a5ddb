using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;

namespace Actors.Tests.Api;

/// <summary>
/// The ids and cursors a page writes for each node: a Guid id encoded in one step is the text the general encoder
/// gives (clients keep ids, and compare them), and an edge's cursor is encoded only when something reads it.
/// </summary>
public sealed class GlobalIdAndEdgeTests
{
    public static TheoryData<string> Keys => ["00000000-0000-0000-0000-000000000000", "6f1c9a52-04be-4d3e-9f57-2b7e0c1d8a90", "ffffffff-ffff-ffff-ffff-ffffffffffff"];

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_guid_id_is_the_text_of_its_key_written_in_32_hex_digits(string key)
    {
        var guid = Guid.Parse(key);
        foreach (var type in new[] { CitizenRequestType.TypeName, "Exchange", "SchoolDeliveryRound", "Campaign" })
        {
            var id = GlobalId.Encode(type, guid);
            Assert.Equal(GlobalId.Encode(type, guid.ToString("N")), id);
            Assert.Equal((type, guid.ToString("N")), GlobalId.Decode(id));
        }
    }

    [Fact]
    public void An_id_read_as_one_type_gives_its_key_and_another_type_s_id_or_a_malformed_one_is_refused()
    {
        var key = Guid.NewGuid().ToString("N");
        Assert.Equal(key, GlobalId.DecodeKey(GlobalId.Encode(CitizenRequestType.TypeName, key), CitizenRequestType.TypeName));
        Assert.Equal("a:b", GlobalId.DecodeKey(GlobalId.Encode("Center", "a:b"), "Center"));

        var other = Assert.ThrowsAny<Exception>(() => GlobalId.DecodeKey(GlobalId.Encode("Exchange", key), CitizenRequestType.TypeName));
        Assert.Equal("Expected the id of a CitizenRequest, got one of a Exchange.", other.Message);
        var prefix = Assert.ThrowsAny<Exception>(() => GlobalId.DecodeKey(GlobalId.Encode("CitizenRequestX", key), CitizenRequestType.TypeName));
        Assert.Equal("Expected the id of a CitizenRequest, got one of a CitizenRequestX.", prefix.Message);
        foreach (var malformed in new[] { "", "not base64!", GlobalId.Encode(CitizenRequestType.TypeName, ""), new string('A', 300) })
        {
            Assert.Equal("Malformed id.", Assert.ThrowsAny<Exception>(() => GlobalId.DecodeKey(malformed, CitizenRequestType.TypeName)).Message);
        }
    }

    [Fact]
    public void An_edge_encodes_its_cursor_once_and_only_when_asked()
    {
        var encoded = 0;
        var edge = new Edge<string>(() => $"cursor-{++encoded}", "node");

        Assert.Equal("node", edge.Node);
        Assert.Equal(0, encoded);
        Assert.Equal("cursor-1", edge.Cursor);
        Assert.Equal("cursor-1", edge.Cursor);
        Assert.Equal(1, encoded);
    }
}
