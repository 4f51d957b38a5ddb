using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Api;

/// <summary>Answers carry Arabic, French and an offset's "+" as themselves, not as \uXXXX escapes, and parse to the same values.</summary>
[Collection(ApiCollection.Name)]
public sealed class ResponseEncodingTests(ApiFactory api)
{
    [Fact]
    public async Task Arabic_and_accented_names_are_written_as_utf8_text()
    {
        var (_, raw) = await api.GraphQLText("{ governorates { code name nameAr } }");

        var governorates = JsonNode.Parse(raw)!["data"]!["governorates"]!.AsArray();
        var tunis = governorates.Single(g => g!["code"]!.GetValue<string>() == "TUNIS")!;
        var beja = governorates.Single(g => g!["code"]!.GetValue<string>() == "BEJA")!;
        Assert.Equal("تونس", tunis["nameAr"]!.GetValue<string>());
        Assert.Equal("Béja", beja["name"]!.GetValue<string>());

        Assert.Contains("\"nameAr\":\"تونس\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Béja\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u00E9", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_instant_keeps_its_offset_sign()
    {
        var card = TestCards.Unique();
        var token = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: card);
        var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "encoding", card: card), token);
        Assert.NotNull(submitted["data"]?["submitIdCardRequest"]?["request"]?["id"]);

        var (_, raw) = await api.GraphQLText("{ requests(first: 1) { nodes { submittedAt } } }", token: token);

        var submittedAt = JsonNode.Parse(raw)!["data"]!["requests"]!["nodes"]![0]!["submittedAt"]!.GetValue<string>();
        Assert.EndsWith("+00:00", submittedAt, StringComparison.Ordinal);
        Assert.Contains("\"submittedAt\":\"" + submittedAt + "\"", raw, StringComparison.Ordinal);
    }
}
