using Actors.Tests.Infrastructure;

namespace Actors.Tests.Campaigns;

/// <summary>createCampaign, setCampaignSchools, campaign(id:), campaigns and node: who may, what is refused, what is kept.</summary>
[Collection(ApiCollection.Name)]
public sealed class CampaignGraphQLTests(ApiFactory api)
{
    [Fact]
    public async Task An_education_officer_creates_a_campaign_that_is_read_back_by_id_in_the_list_and_as_a_node()
    {
        var officer = await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu"));
        var (a, b) = (CampaignApi.NewCode("LYC"), CampaignApi.NewCode("COL"));
        var created = await CampaignApi.CreateOk(api, officer, [CampaignApi.School(a, "TUNIS", 120), CampaignApi.School(b.ToLowerInvariant(), "SFAX", 80)]);
        var id = created["id"]!.GetValue<string>();

        Assert.Equal("2026-2027", created["schoolYear"]!.GetValue<string>());
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), created["schools"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()));
        Assert.Equal(200, created["progress"]!["target"]!.GetValue<int>());
        Assert.Equal(0, created["progress"]!["targetReached"]!.GetValue<double>());
        Assert.Equal(["SFAX", "TUNIS"], created["progress"]!["byGovernorate"]!.AsArray().Select(g => g!["governorate"]!["code"]!.GetValue<string>()));

        var analyst = await api.Token("ANALYST", "analyst-campaign");
        Assert.Equal(created["name"]!.GetValue<string>(), (await CampaignApi.Read(api, analyst, id))["name"]!.GetValue<string>());
        var list = await api.GraphQL("{ campaigns { id } }", token: analyst);
        Assert.Contains(list["data"]!["campaigns"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        var demo = await api.GraphQL("{ campaigns { name schools { code } } }", token: analyst);
        Assert.Contains(demo["data"]!["campaigns"]!.AsArray(), c => c!["schools"]!.AsArray().Any(s => s!["code"]!.GetValue<string>() == "LYC-0042"));
        var node = await api.GraphQL("query($id: ID!) { node(id: $id) { ... on Campaign { name } } }", new { id }, analyst);
        Assert.Equal(created["name"]!.GetValue<string>(), node["data"]!["node"]!["name"]!.GetValue<string>());

        // A citizen sees no campaign.
        var citizen = await api.Token("CITIZEN", "citizen-campaign");
        var refused = await api.GraphQL("{ campaigns { id } }", token: citizen);
        Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_create_returns_the_same_campaign_and_the_same_key_with_another_setup_is_refused()
    {
        var officer = await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu"));
        var key = "retry-" + Guid.NewGuid().ToString("N");
        var code = CampaignApi.NewCode("LYC");
        var first = await CampaignApi.Create(api, officer, key, [CampaignApi.School(code, "TUNIS", 10)]);
        var again = await CampaignApi.Create(api, officer, key, [CampaignApi.School(code, "TUNIS", 10)]);
        Assert.Equal(first["data"]!["createCampaign"]!["campaign"]!["id"]!.GetValue<string>(),
            again["data"]!["createCampaign"]!["campaign"]!["id"]!.GetValue<string>());

        var other = await CampaignApi.Create(api, officer, key, [CampaignApi.School(code, "TUNIS", 11)]);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", other["data"]!["createCampaign"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_school_is_in_at_most_one_running_campaign()
    {
        var supervisor = await api.Token("SUPERVISOR", CampaignApi.NewCode("sup"), governorate: "TUNIS");
        var shared = CampaignApi.NewCode("LYC");
        await CampaignApi.CreateOk(api, supervisor, [CampaignApi.School(shared, "TUNIS", 10)]);

        var second = await CampaignApi.CreateOk(api, supervisor, [CampaignApi.School(CampaignApi.NewCode("LYC"), "TUNIS", 10)]);
        var result = await api.GraphQL(
            "mutation($in: SetCampaignSchoolsInput!) { setCampaignSchools(input: $in) { campaign { id } errors { __typename ... on Error { code message } } } }",
            new { @in = new { campaignId = second["id"]!.GetValue<string>(), schools = new[] { CampaignApi.School(shared, "TUNIS", 5) } } },
            supervisor);
        var error = result["data"]!["setCampaignSchools"]!["errors"]![0]!;
        Assert.Equal("SchoolInAnotherCampaignError", error["__typename"]!.GetValue<string>());
        Assert.Contains(shared, error["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Nothing changed: the second campaign keeps its own school only.
        var read = await CampaignApi.Read(api, supervisor, second["id"]!.GetValue<string>());
        Assert.DoesNotContain(read["schools"]!.AsArray(), s => s!["code"]!.GetValue<string>() == shared);
    }

    [Fact]
    public async Task Bad_setups_are_refused_with_their_field()
    {
        var officer = await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu"));
        var outside = await CampaignApi.Create(api, officer, "bad-" + Guid.NewGuid().ToString("N"), [CampaignApi.School(CampaignApi.NewCode("LYC"), "GAFSA", 10)]);
        Assert.Equal("VALIDATION_FAILED", outside["data"]!["createCampaign"]!["errors"]![0]!["code"]!.GetValue<string>());
        var zero = await CampaignApi.Create(api, officer, "bad-" + Guid.NewGuid().ToString("N"), [CampaignApi.School(CampaignApi.NewCode("LYC"), "TUNIS", 0)]);
        Assert.Equal("VALIDATION_FAILED", zero["data"]!["createCampaign"]!["errors"]![0]!["code"]!.GetValue<string>());
    }
}
