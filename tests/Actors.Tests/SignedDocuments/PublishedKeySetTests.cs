using System.Text.Json.Nodes;
using Actors.SignedDocuments;

namespace Actors.Tests.SignedDocuments;

public sealed class PublishedKeySetTests
{
    private static readonly DateTimeOffset First = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Second = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_json_has_the_published_shape_and_reads_back_equal()
    {
        using var ring = new SigningKeyRing("TN-MI", [DocumentSigningKey.Generate(First), DocumentSigningKey.Generate(Second)], TimeSpan.FromDays(90));
        var set = ring.Published(First);

        var json = set.ToJson();
        var again = PublishedKeySet.FromJson(json);

        var node = JsonNode.Parse(json)!;
        Assert.Equal("TN-MI", node["issuer"]!.GetValue<string>());
        var first = node["keys"]![0]!.AsObject();
        Assert.Equal(["kid", "alg", "crv", "publicKey", "validFrom", "signsUntil", "validTo"], first.Select(p => p.Key));
        Assert.Equal("ES256", first["alg"]!.GetValue<string>());
        Assert.Equal("P-256", first["crv"]!.GetValue<string>());
        Assert.Equal("2026-01-01T00:00:00Z", first["validFrom"]!.GetValue<string>());
        Assert.Equal("2026-06-01T00:00:00Z", first["signsUntil"]!.GetValue<string>());
        Assert.Equal("2026-08-30T00:00:00Z", first["validTo"]!.GetValue<string>());
        Assert.Null(node["keys"]![1]!["validTo"]);
        Assert.True(node["keys"]![1]!.AsObject().ContainsKey("validTo"));
        Assert.Equal(set.Issuer, again.Issuer);
        Assert.Equal(set.Keys, again.Keys);
    }

    [Fact]
    public void A_key_whose_kid_does_not_match_its_public_key_is_refused()
    {
        using var ring = new SigningKeyRing("TN-MI", [DocumentSigningKey.Generate(First)], TimeSpan.FromDays(90));
        using var other = DocumentSigningKey.Generate(First);
        var node = JsonNode.Parse(ring.Published(First).ToJson())!;
        node["keys"]![0]!["publicKey"] = Convert.ToBase64String(other.PublicKeyInfo);

        var error = Assert.Throws<DocumentFormatException>(() => PublishedKeySet.FromJson(node.ToJsonString()));

        Assert.Contains("does not match its kid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"keys\":[]}")]
    [InlineData("{\"issuer\":\"TN-MI\",\"keys\":[{\"kid\":\"x\",\"alg\":\"RS256\",\"crv\":\"P-256\",\"publicKey\":\"AA==\",\"validFrom\":\"2026-01-01T00:00:00Z\"}]}")]
    [InlineData("{\"issuer\":\"TN-MI\",\"keys\":[{\"kid\":\"x\",\"alg\":\"ES256\",\"crv\":\"P-256\",\"publicKey\":\"AA==\",\"validFrom\":\"yesterday\"}]}")]
    public void Json_of_another_shape_is_refused(string json)
    {
        Assert.Throws<DocumentFormatException>(() => PublishedKeySet.FromJson(json));
    }
}
