using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Api;

/// <summary>Answers carry Arabic and French as UTF-8 text, not as \uXXXX escapes, and still parse to the same values.</summary>
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
}
