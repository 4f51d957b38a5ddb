using Actors.Contracts.Campaigns;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Campaigns;

/// <summary>An enrolment id is the campaign's: a pupil enrolled at one school is not enrolled again under another.</summary>
[Collection(ApiCollection.Name)]
public sealed class EnrolmentAcrossSchoolsTests(ApiFactory api)
{
    private const string Header = "enrolment_id,school_code,given_name,family_name,birth_date,guardian_phone";

    [Fact]
    public async Task A_second_schools_row_for_an_enrolled_pupil_is_rejected_naming_the_school_that_holds_it_and_no_second_invitation_goes()
    {
        var officer = await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu"));
        var (first, second) = (CampaignApi.NewCode("LYC"), CampaignApi.NewCode("COL"));
        var campaign = await CampaignApi.CreateOk(api, officer, [CampaignApi.School(first, "TUNIS", 10), CampaignApi.School(second, "SFAX", 10)]);
        var campaignId = campaign["id"]!.GetValue<string>();
        var pupil = "P-" + first;

        var (status, one) = await CampaignApi.Upload(api, officer, campaignId,
            CampaignApi.Utf8($"{Header}\n{pupil},{first},Amira,Ben Salah,2011-02-03,98000001\n"));
        Assert.True(status == 200, one?.ToJsonString());
        Assert.Equal(1, one!["created"]!.GetValue<int>());

        // Another file, another school, the same pupil (and one new pupil who goes in).
        var (_, two) = await CampaignApi.Upload(api, officer, campaignId, CampaignApi.Utf8(
            $"{Header}\n{pupil},{second},Amira,Ben Salah,2011-02-03,98000099\nQ-{second},{second},Sami,Trabelsi,2011-04-05,98000002\n"));
        Assert.Equal((1, 1), (two!["created"]!.GetValue<int>(), two["rejectedCount"]!.GetValue<int>()));
        var rejected = Assert.Single(two["rejected"]!.AsArray())!;
        Assert.Equal((2, pupil), (rejected["line"]!.GetValue<int>(), rejected["enrolmentId"]!.GetValue<string>()));
        Assert.Contains(first, rejected["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // The same file again changes nothing, and the first school still takes its own pupil's corrections.
        var (_, again) = await CampaignApi.Upload(api, officer, campaignId, CampaignApi.Utf8(
            $"{Header}\n{pupil},{second},Amira,Ben Salah,2011-02-03,98000099\nQ-{second},{second},Sami,Trabelsi,2011-04-05,98000002\n"));
        Assert.Equal((0, 1, 1), (again!["created"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>(), again["rejectedCount"]!.GetValue<int>()));
        var (_, corrected) = await CampaignApi.Upload(api, officer, campaignId,
            CampaignApi.Utf8($"{Header}\n{pupil},{first},Amira,Ben Salah,2011-02-03,98000003\n"));
        Assert.Equal((1, 0), (corrected!["updated"]!.GetValue<int>(), corrected["rejectedCount"]!.GetValue<int>()));

        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.ParseExact(Actors.Api.GraphQL.Relay.GlobalId.DecodeKey(campaignId, "Campaign"), "N");
        Assert.Equal(1, (await grains.GetGrain<ISchoolEnrolmentGrain>(ISchoolEnrolmentGrain.KeyOf(id, first)).Counts()).Enrolled);
        Assert.Equal(1, (await grains.GetGrain<ISchoolEnrolmentGrain>(ISchoolEnrolmentGrain.KeyOf(id, second)).Counts()).Enrolled);

        // Two invitations in all, one per pupil: none to the number of the rejected row.
        await CampaignApi.ReadUntil(api, officer, campaignId, c => c["progress"]!["invited"]!.GetValue<int>() == 2);
        var invitations = await grains.GetGrain<Actors.Contracts.Interop.Sandbox.ISandboxNotificationOutboxGrain>(
            Actors.Contracts.Interop.Sandbox.ISandboxNotificationOutboxGrain.Key).List(null, id, 50);
        Assert.Equal(["+21698000001", "+21698000002"], invitations.Select(m => m.Recipient).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Within_one_file_the_first_line_of_a_pupil_wins_whichever_school_comes_first()
    {
        var officer = await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu"));
        var (first, second) = (CampaignApi.NewCode("LYC"), CampaignApi.NewCode("COL"));
        var campaign = await CampaignApi.CreateOk(api, officer, [CampaignApi.School(first, "TUNIS", 10), CampaignApi.School(second, "TUNIS", 10)]);
        var pupil = "R-" + second;

        var (_, body) = await CampaignApi.Upload(api, officer, campaign["id"]!.GetValue<string>(), CampaignApi.Utf8(
            $"{Header}\n{pupil},{second},Lina,Mansour,2011-02-03,98000011\n{pupil},{first},Lina,Mansour,2011-02-03,98000011\n"));
        Assert.Equal((1, 1), (body!["created"]!.GetValue<int>(), body["rejectedCount"]!.GetValue<int>()));
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Equal(3, rejected["line"]!.GetValue<int>());
        Assert.Contains(second, rejected["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_gives_an_id_to_the_first_school_and_answers_the_holder_to_the_others()
    {
        var campaignId = Guid.NewGuid();
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        Task<IReadOnlyDictionary<string, string>> Claim(string school, string id) => grains
            .GetGrain<IEnrolmentRegistryGrain>(IEnrolmentRegistryGrain.KeyOf(campaignId, IEnrolmentRegistryGrain.ShardOf(id)))
            .Claim(new Dictionary<string, string> { [id] = school });

        Assert.Empty(await Claim("A", "X-1"));
        Assert.Empty(await Claim("A", "X-1"));
        Assert.Equal(new Dictionary<string, string> { ["X-1"] = "A" }, await Claim("B", "X-1"));
        Assert.InRange(IEnrolmentRegistryGrain.ShardOf("X-1"), 0, IEnrolmentRegistryGrain.Shards - 1);
        Assert.Equal(IEnrolmentRegistryGrain.ShardOf("X-1"), IEnrolmentRegistryGrain.ShardOf(new string(['X', '-', '1'])));
        Assert.True(Enumerable.Range(0, 1000).Select(i => IEnrolmentRegistryGrain.ShardOf($"E-{i}")).Distinct().Count() > IEnrolmentRegistryGrain.Shards / 2);
    }
}
