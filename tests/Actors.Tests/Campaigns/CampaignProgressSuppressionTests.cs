using System.Text;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Campaigns;

/// <summary>Campaign.progress through GraphQL: exact for those who run campaigns, small counts withheld for those who follow them.</summary>
[Collection(ApiCollection.Name)]
public sealed class CampaignProgressSuppressionTests(ApiFactory api)
{
    private const string Header = "enrolment_id,school_code,given_name,family_name,birth_date,guardian_phone";

    [Fact]
    public async Task An_analyst_sees_a_small_school_and_the_next_smallest_withheld_and_the_officer_sees_every_count()
    {
        var officer = await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu"));
        var (small, large, other) = (CampaignApi.NewCode("A"), CampaignApi.NewCode("B"), CampaignApi.NewCode("C"));
        var campaign = await CampaignApi.CreateOk(api, officer,
            [CampaignApi.School(small, "TUNIS", 10), CampaignApi.School(large, "TUNIS", 10), CampaignApi.School(other, "SFAX", 10)]);
        var id = campaign["id"]!.GetValue<string>();
        var file = new StringBuilder(Header).Append('\n');
        var phone = 98_100_000 + Random.Shared.Next(0, 800_000);
        foreach (var (school, pupils) in new[] { (small, 2), (large, 7), (other, 6) })
        {
            for (var i = 0; i < pupils; i++)
            {
                file.Append($"{school}-{i},{school},Amira,Ben Salah,2011-02-03,{phone++}\n");
            }
        }

        var (status, body) = await CampaignApi.Upload(api, officer, id, CampaignApi.Utf8(file.ToString()));
        Assert.True(status == 200, body?.ToJsonString());
        var exact = await CampaignApi.ReadUntil(api, officer, id, c => c["progress"]!["invited"]!.GetValue<int>() == 15);
        Assert.Equal([2, 7, 6], Schools(exact, small, large, other).Select(s => s!["invited"]!.GetValue<int>()));
        Assert.Equal(0, await Threshold(officer, id));

        var supervisor = await api.Token("SUPERVISOR", CampaignApi.NewCode("sup"), governorate: "TUNIS");
        Assert.Equal([2, 7, 6], Schools(await CampaignApi.Read(api, supervisor, id), small, large, other).Select(s => s!["invited"]!.GetValue<int>()));

        foreach (var role in new[] { "ANALYST", "OPERATOR" })
        {
            var follower = await api.Token(role, $"{role}-campaign-suppression");
            var shown = await CampaignApi.Read(api, follower, id);
            var schools = Schools(shown, small, large, other);
            Assert.Equal([null, null, 6], schools.Select(s => s!["invited"]?.GetValue<int>()));
            Assert.Equal([true, true, false], schools.Select(s => s!["suppressed"]!.GetValue<bool>()));
            Assert.Equal([10, 10, 10], schools.Select(s => s!["target"]!.GetValue<int>()));
            Assert.Equal(0, schools[0]!["started"]!.GetValue<int>());
            Assert.Equal([6, 9], shown["progress"]!["byGovernorate"]!.AsArray().Select(g => g!["invited"]!.GetValue<int>()));
            Assert.Equal(15, shown["progress"]!["invited"]!.GetValue<int>());
            Assert.Equal(5, await Threshold(follower, id));
        }
    }

    private async Task<int> Threshold(string token, string id)
    {
        var result = await api.GraphQL("query($id: ID!) { campaign(id: $id) { progress { suppressionThreshold } } }", new { id }, token);
        return result["data"]!["campaign"]!["progress"]!["suppressionThreshold"]!.GetValue<int>();
    }

    private static List<System.Text.Json.Nodes.JsonNode?> Schools(System.Text.Json.Nodes.JsonNode campaign, params string[] codes)
    {
        var bySchool = campaign["progress"]!["bySchool"]!.AsArray();
        return codes.Select(code => bySchool.Single(s => s!["schoolCode"]!.GetValue<string>() == code)).ToList();
    }
}
