using System.Globalization;
using System.Text;
using Actors.Contracts.Campaigns;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Campaigns;

/// <summary>POST /campaigns/{id}/enrolments: the file's shapes, idempotency by enrolment id, bad rows by line, invitations once, 50,000 rows.</summary>
[Collection(ApiCollection.Name)]
public sealed class EnrolmentImportTests(ApiFactory api)
{
    private const string Header = "enrolment_id,school_code,given_name,family_name,birth_date,guardian_phone";

    private async Task<(string Token, string CampaignId, string[] Schools)> Campaign(int schools = 2)
    {
        var officer = await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu"));
        var codes = Enumerable.Range(0, schools).Select(_ => CampaignApi.NewCode("LYC")).ToArray();
        var campaign = await CampaignApi.CreateOk(api, officer, codes.Select(c => CampaignApi.School(c, "TUNIS", 100)));
        return (officer, campaign["id"]!.GetValue<string>(), codes);
    }

    [Fact]
    public async Task A_file_with_a_BOM_CRLF_Arabic_names_and_quoted_commas_is_enrolled_and_the_same_file_again_creates_nothing()
    {
        var (officer, campaignId, schools) = await Campaign();
        var file = CampaignApi.Utf8(
            Header + "\r\n"
            + $"E-{schools[0]}-1,{schools[0]},ياسمين,الطرابلسي,2011-05-14,+216 98 123 456\r\n"
            + $"E-{schools[0]}-2,{schools[0]},\"Ali, dit \"\"Lilo\"\"\",Ben Salah,2012-01-02,98123457\r\n"
            + $"e-{schools[1]}-3,{schools[1].ToLowerInvariant()},\"محمد أمين\",\"الهمامي, ابن علي\",2010-09-30,0021698123458\r\n",
            bom: true);

        var (status, first) = await CampaignApi.Upload(api, officer, campaignId, file);
        Assert.True(status == 200, first?.ToJsonString());
        Assert.Equal("COMPLETED", first!["status"]!.GetValue<string>());
        Assert.Equal((3, 3, 0, 0), Counts(first));

        var (_, again) = await CampaignApi.Upload(api, officer, campaignId, file);
        Assert.Equal((3, 0, 3, 0), Counts(again!));

        // Only what the invitation needs is kept: the given name (NFC, as written) and the guardian's number, normalised.
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.ParseExact(Actors.Api.GraphQL.Relay.GlobalId.DecodeKey(campaignId, "Campaign"), "N");
        var enrolment = grains.GetGrain<ISchoolEnrolmentGrain>(ISchoolEnrolmentGrain.KeyOf(id, schools[1]));
        Assert.Equal(1, (await enrolment.Counts()).Enrolled);

        // Each guardian is invited once, however often the file comes.
        var campaign = await CampaignApi.ReadUntil(api, officer, campaignId, c => c["progress"]!["invited"]!.GetValue<int>() == 3);
        Assert.Equal([2, 1], campaign["progress"]!["bySchool"]!.AsArray().OrderBy(s => s!["schoolCode"]!.GetValue<string>() == schools[0] ? 0 : 1)
            .Select(s => s!["invited"]!.GetValue<int>()));
        var invitations = await grains.GetGrain<Actors.Contracts.Interop.Sandbox.ISandboxNotificationOutboxGrain>(
            Actors.Contracts.Interop.Sandbox.ISandboxNotificationOutboxGrain.Key).List(null, id, 50);
        Assert.Equal(["+21698123456", "+21698123457", "+21698123458"], invitations.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(invitations, m => Assert.Equal(1, m.SendCalls));
        Assert.Contains(invitations, m => m.Text.Contains("Ali, dit \"Lilo\"", StringComparison.Ordinal));
        Assert.Contains(invitations, m => m.Text.Contains("ياسمين", StringComparison.Ordinal));
        Assert.DoesNotContain(invitations, m => m.Text.Contains("الطرابلسي", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_reason_while_the_good_rows_go_in()
    {
        var (officer, campaignId, schools) = await Campaign(1);
        var s = schools[0];
        var file = CampaignApi.Utf8(
            Header + "\n"
            + $"OK-{s}-1,{s},Amira,Ben Salah,2011-02-03,98000001\n"             // 2: good
            + $"OK-{s}-2,NOT-OURS,Amira,Ben Salah,2011-02-03,98000002\n"       // 3: school not in the campaign
            + $"OK-{s}-3,{s},Amira,Ben Salah,03/02/2011,98000003\n"            // 4: date not yyyy-MM-dd
            + $"OK-{s}-4,{s},Amira,Ben Salah,2011-02-03,123\n"                 // 5: not a phone number
            + $"OK-{s}-5,{s},Amira,Ben Salah,2011-02-03\n"                     // 6: a field missing
            + "\n"                                                              // 7: blank, skipped
            + $"OK-{s}-1,{s},Amira,Ben Salah,2011-02-03,98000001\n"             // 8: the same pupil twice in the file
            + $"OK-{s}-6,{s},\"Sami \"the\" best\",Ben Salah,2011-02-03,98000006\n" // 9: broken quoting
            + $"OK-{s}-7,{s},\"Multi\nline\",Ben Salah,2011-02-03,98000007\n"   // 10-11: a quoted line break is one field
            + $"OK-{s}-8,{s},Lina,Ben Salah,2011-02-03,98000008");             // 12: good, no final newline

        var (status, body) = await CampaignApi.Upload(api, officer, campaignId, file);
        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal((9, 3, 0, 6), Counts(body!));
        var rejected = body!["rejected"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["reason"]!.GetValue<string>())).ToList();
        Assert.Equal([3, 4, 5, 6, 8, 9], rejected.Select(r => r.Item1));
        Assert.Contains("not a school of this campaign", rejected[0].Item2, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", rejected[1].Item2, StringComparison.Ordinal);
        Assert.Contains("guardian_phone", rejected[2].Item2, StringComparison.Ordinal);
        Assert.Contains("Expected 6 fields", rejected[3].Item2, StringComparison.Ordinal);
        Assert.Contains("line 2", rejected[4].Item2, StringComparison.Ordinal);
        Assert.Contains("quote", rejected[5].Item2, StringComparison.Ordinal);

        // The document is read back by its id, over REST and GraphQL.
        var importId = body["importId"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/campaigns/{Uri.EscapeDataString(campaignId)}/enrolments/imports/{importId}");
        request.Headers.Authorization = new("Bearer", officer);
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var graph = await api.GraphQL("query($id: ID!) { enrolmentImport(id: $id) { status rowsRead created rejectedCount rejected { line enrolmentId } } }",
            new { id = importId }, officer);
        Assert.Equal(9, graph["data"]!["enrolmentImport"]!["rowsRead"]!.GetValue<int>());
        Assert.Equal(6, graph["data"]!["enrolmentImport"]!["rejectedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_file_of_the_wrong_shape_is_refused_naming_the_expected_header()
    {
        var (officer, campaignId, _) = await Campaign(1);
        var (status, body) = await CampaignApi.Upload(api, officer, campaignId, CampaignApi.Utf8("code,nameAr,nameFr,governorate,isNew\nX,ا,x,TUNIS,true\n"));
        Assert.Equal(400, status);
        Assert.Equal(Header, body!["parameters"]!["expectedHeader"]!.GetValue<string>());
        Assert.Contains(Header, body["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var (empty, _) = await CampaignApi.Upload(api, officer, campaignId, []);
        Assert.Equal(400, empty);

        // Only an education officer imports.
        var supervisor = await api.Token("SUPERVISOR", "sup-import", governorate: "TUNIS");
        var (forbidden, _) = await CampaignApi.Upload(api, supervisor, campaignId, CampaignApi.Utf8(Header + "\n"));
        Assert.Equal(403, forbidden);
    }

    [Fact]
    public async Task Fifty_thousand_rows_go_in_one_call()
    {
        var (officer, campaignId, schools) = await Campaign(20);
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < 50_000; i++)
        {
            var school = schools[i % schools.Length];

            // The sandbox's undeliverable number: every invitation is tried and refused at once, so the host is not
            // busy for minutes filling the sandbox's outbox after the test.
            text.Append(CultureInfo.InvariantCulture, $"B{i:D6}-{school},{school},تلميذ {i},عائلة,2012-03-04,+21600000000\r\n");
        }

        var started = DateTime.UtcNow;
        var (status, body) = await CampaignApi.Upload(api, officer, campaignId, CampaignApi.Utf8(text.ToString(), bom: true));
        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal((50_000, 50_000, 0, 0), Counts(body!));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(90), $"took {DateTime.UtcNow - started}");
    }

    private static (int RowsRead, int Created, int Unchanged, int Rejected) Counts(System.Text.Json.Nodes.JsonNode import) => (
        import["rowsRead"]!.GetValue<int>(), import["created"]!.GetValue<int>(), import["unchanged"]!.GetValue<int>(),
        import["rejectedCount"]!.GetValue<int>());
}
