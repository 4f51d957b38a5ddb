using System.Net.Http.Json;
using System.Text;
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
        using var response = await api.Http.PostAsJsonAsync("/graphql", new { query = "{ governorates { code name nameAr } }" },
            TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var raw = Encoding.UTF8.GetString(bytes);

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

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "{ requests(first: 1) { nodes { submittedAt } } }" }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var submittedAt = JsonNode.Parse(raw)!["data"]!["requests"]!["nodes"]![0]!["submittedAt"]!.GetValue<string>();
        Assert.EndsWith("+00:00", submittedAt, StringComparison.Ordinal);
        Assert.Contains("\"submittedAt\":\"" + submittedAt + "\"", raw, StringComparison.Ordinal);
    }
}
