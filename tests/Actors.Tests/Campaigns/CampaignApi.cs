using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Campaigns;

/// <summary>What the campaign tests do through the real API: create campaigns with schools of their own, upload pupil lists, read progress.</summary>
public static class CampaignApi
{
    public const string Fields = """
        id name schoolYear startsOn endsOn version governorates { code } schools { code name governorate { code } target }
        progress { target invited started paid booked biometricsTaken delivered targetReached
          bySchool { schoolCode target invited started paid booked biometricsTaken delivered targetReached suppressed }
          byGovernorate { governorate { code } target invited started paid booked delivered suppressed } }
        """;

    public static string NewCode(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object School(string code, string governorate, int target) => new { code, name = "École " + code, governorate, target };

    /// <summary>Creates a campaign running from a month ago to the end of the school year; returns the whole answer.</summary>
    public static Task<JsonNode> Create(ApiFactory api, string token, string key, IEnumerable<object> schools, string[]? governorates = null) =>
        api.GraphQL(
            $$"""mutation($in: CreateCampaignInput!) { createCampaign(input: $in) { campaign { {{Fields}} } errors { __typename ... on Error { code message } } } }""",
            new
            {
                @in = new
                {
                    name = "Carte d'identité des élèves — pilote",
                    schoolYear = "2026-2027",
                    startsOn = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    endsOn = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    governorates = governorates ?? ["TUNIS", "SFAX"],
                    schools,
                    idempotencyKey = key,
                },
            },
            token);

    public static async Task<JsonNode> CreateOk(ApiFactory api, string token, IEnumerable<object> schools)
    {
        var result = await Create(api, token, "campaign-" + Guid.NewGuid().ToString("N"), schools);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.True(result["data"]!["createCampaign"]!["errors"] is null, result.ToJsonString());
        return result["data"]!["createCampaign"]!["campaign"]!;
    }

    public static async Task<JsonNode> Read(ApiFactory api, string token, string id)
    {
        var result = await api.GraphQL($"query($id: ID!) {{ campaign(id: $id) {{ {Fields} }} }}", new { id }, token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["campaign"]!;
    }

    /// <summary>Reads the campaign until its progress satisfies the condition (counters follow the outbox), failing after 30 s.</summary>
    public static async Task<JsonNode> ReadUntil(ApiFactory api, string token, string id, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var campaign = await Read(api, token, id);
            if (done(campaign))
            {
                return campaign;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The campaign never got there: " + campaign.ToJsonString());
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>POSTs a pupil list as the bytes given (BOM, line endings and all); returns the status and the JSON body.</summary>
    public static async Task<(int Status, JsonNode? Body)> Upload(ApiFactory api, string token, string campaignId, byte[] file, string? importId = null)
    {
        var path = $"/campaigns/{Uri.EscapeDataString(campaignId)}/enrolments" + (importId is null ? "" : "?importId=" + importId);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static byte[] Utf8(string text, bool bom = false) =>
        [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];
}
