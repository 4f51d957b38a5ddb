using System.Text;
using Actors.SignedDocuments;

namespace Actors.Tests.SignedDocuments;

public sealed class Base45Tests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void Encodes_and_decodes_the_rfc_9285_examples(string data, string text)
    {
        Assert.Equal(text, Base45.Encode(Encoding.ASCII.GetBytes(data)));
        Assert.Equal(data, Encoding.ASCII.GetString(Base45.Decode(text)));
    }

    [Fact]
    public void Round_trips_every_byte_value_in_both_group_sizes()
    {
        var data = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0xFF, 0xFF, 0xFF }).ToArray();
        Assert.Equal(data, Base45.Decode(Base45.Encode(data)));
    }

    [Theory]
    [InlineData("GGW", "larger than two bytes")]
    [InlineData("::", "larger than one byte")]
    [InlineData("BB8A", "dangling")]
    [InlineData("bb8", "not in the Base45 alphabet")]
    [InlineData("BB#", "not in the Base45 alphabet")]
    public void Refuses_text_that_is_not_base45(string text, string reason)
    {
        var error = Assert.Throws<DocumentFormatException>(() => Base45.Decode(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
