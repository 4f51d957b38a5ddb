using System.Text;
using System.Text.Json.Nodes;
using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Api;

/// <summary>
/// A page of requests is one read of the request index, which holds each request's document: the test counts the
/// grain calls a page causes (through the host's grain call log), it does not time them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestListApiTests(ApiFactory api)
{
    private const string Tunis = "TN11-GU1";

    private const string Page = """
        { requests(first: 10, order: { field: SUBMITTED_AT, direction: ASC }) {
            totalCount nodes { id reference status version applicant { givenName familyName } history { status actor } } } }
        """;

    [Fact]
    public async Task A_page_of_requests_calls_no_request_grain()
    {
        var (citizen, ids) = await SubmitAsync(4);

        var mark = api.GrainCalls.Mark;
        var page = await api.GraphQL(Page, token: citizen);
        var calls = api.GrainCalls.CallsTo<ICitizenRequestGrain>(mark);

        Assert.True(page["errors"] is null, page["errors"]?.ToJsonString());
        var nodes = page["data"]!["requests"]!["nodes"]!.AsArray();
        Assert.Equal(ids, nodes.Select(n => IdOf(n!)));
        Assert.All(nodes, n => Assert.Equal("SUBMITTED", n!["status"]!.GetValue<string>()));
        Assert.All(nodes, n => Assert.Equal("Ben Salah", n!["applicant"]!["familyName"]!.GetValue<string>()));
        Assert.All(nodes, n => Assert.Equal("SUBMITTED", Assert.Single(n!["history"]!.AsArray())!["status"]!.GetValue<string>()));
        Assert.Empty(calls);
    }

    [Fact]
    public async Task A_row_written_before_the_index_held_documents_is_read_from_its_grain_alone()
    {
        var (citizen, ids) = await SubmitAsync(3);
        var before = await api.GraphQL(Page, token: citizen);
        var index = api.Services.GetRequiredService<IRequestIndex>();
        var listed = await index.QueryAsync(
            new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), RequestOrder.Default, First: 50), TestContext.Current.CancellationToken);
        var old = listed.Items.Single(e => e.Id == ids[1]);
        // As the previous release wrote it: the same row, no document.
        await index.ApplyAsync([old with { Version = old.Version + 1, Document = null }], TestContext.Current.CancellationToken);

        var mark = api.GrainCalls.Mark;
        var after = await api.GraphQL(Page, token: citizen);
        var calls = api.GrainCalls.CallsTo<ICitizenRequestGrain>(mark);

        Assert.Null(after["errors"]);
        Assert.Equal(before["data"]!.ToJsonString(), after["data"]!.ToJsonString());
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal([grains.GetGrain<ICitizenRequestGrain>(ids[1]).GetGrainId()], calls);
    }

    [Fact]
    public async Task A_page_shows_only_what_the_caller_may_see()
    {
        var (citizen, ids) = await SubmitAsync(2);
        var stranger = await api.Token("CITIZEN", "stranger-" + Guid.NewGuid().ToString("N")[..8]);
        var agentElsewhere = await api.Token("AGENT", "agent-elsewhere", "TN61-GU1");

        var own = await api.GraphQL(Page, token: citizen);
        var none = await api.GraphQL(Page, token: stranger);
        var otherCenter = await api.GraphQL(
            "query($ids: [ID!]) { requests(first: 50, where: { centerIds: $ids }) { totalCount nodes { id } } }",
            new { ids = new[] { GlobalIds.Center(Tunis) } }, agentElsewhere);

        Assert.Equal(ids, own["data"]!["requests"]!["nodes"]!.AsArray().Select(n => IdOf(n!)));
        Assert.Equal(0, none["data"]!["requests"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(none["data"]!["requests"]!["nodes"]!.AsArray());
        Assert.DoesNotContain(otherCenter["data"]!["requests"]!["nodes"]!.AsArray(), n => ids.Contains(IdOf(n!)));
    }

    private const string Summary =
        "__typename id reference kind status isFinal submittedAt updatedAt version center { code } governorate { code } fee { millimes }";

    [Fact]
    public async Task A_page_of_summary_fields_answers_from_the_index_columns_as_the_documents_do()
    {
        var (citizen, _) = await SubmitAsync(3);
        const string Order = "order: { field: SUBMITTED_AT, direction: ASC }";

        // The same fields with a personal one beside them read the documents; alone, through nodes, edges and a named
        // fragment, they are answered from the index's columns, with the same values.
        var documents = await api.GraphQL($"{{ requests(first: 10, {Order}) {{ nodes {{ {Summary} applicant {{ familyName }} }} }} }}", token: citizen);
        var columns = await api.GraphQL($"{{ requests(first: 10, {Order}) {{ totalCount nodes {{ {Summary} }} }} }}", token: citizen);
        var edges = await api.GraphQL(
            $"query {{ requests(first: 10, {Order}) {{ edges {{ cursor node {{ ...Row }} }} }} }} fragment Row on CitizenRequest {{ {Summary} }}", token: citizen);

        Assert.True(documents["errors"] is null, documents["errors"]?.ToJsonString());
        Assert.True(columns["errors"] is null, columns["errors"]?.ToJsonString());
        Assert.True(edges["errors"] is null, edges["errors"]?.ToJsonString());
        var expected = documents["data"]!["requests"]!["nodes"]!.AsArray().Select(n =>
        {
            var copy = n!.DeepClone().AsObject();
            Assert.Equal("Ben Salah", copy["applicant"]!["familyName"]!.GetValue<string>());
            copy.Remove("applicant");
            return copy.ToJsonString();
        }).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, columns["data"]!["requests"]!["nodes"]!.AsArray().Select(n => n!.ToJsonString()));
        Assert.Equal(expected, edges["data"]!["requests"]!["edges"]!.AsArray().Select(e => e!["node"]!.ToJsonString()));

        // A personal field hidden in an inline fragment of an edge's node still reads the documents.
        var hidden = await api.GraphQL(
            $"{{ requests(first: 10, {Order}) {{ edges {{ node {{ id ... on CitizenRequest {{ applicant {{ familyName }} }} }} }} }} }}", token: citizen);
        Assert.True(hidden["errors"] is null, hidden["errors"]?.ToJsonString());
        Assert.All(hidden["data"]!["requests"]!["edges"]!.AsArray(), e => Assert.Equal("Ben Salah", e!["node"]!["applicant"]!["familyName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_summary_page_needs_no_grain_even_for_a_row_without_a_document()
    {
        var (citizen, ids) = await SubmitAsync(2);
        var index = api.Services.GetRequiredService<IRequestIndex>();
        var listed = await index.QueryAsync(
            new KeysetQuery<RequestFilter, RequestOrder>(new RequestFilter(), RequestOrder.Default, First: 50), TestContext.Current.CancellationToken);
        var old = listed.Items.Single(e => e.Id == ids[0]);
        await index.ApplyAsync([old with { Version = old.Version + 1, Document = null }], TestContext.Current.CancellationToken);

        var mark = api.GrainCalls.Mark;
        var page = await api.GraphQL($"{{ requests(first: 10, order: {{ field: SUBMITTED_AT, direction: ASC }}) {{ nodes {{ {Summary} }} }} }}", token: citizen);

        Assert.True(page["errors"] is null, page["errors"]?.ToJsonString());
        Assert.Equal(ids, page["data"]!["requests"]!["nodes"]!.AsArray().Select(n => IdOf(n!)));
        Assert.Empty(api.GrainCalls.CallsTo<ICitizenRequestGrain>(mark));
    }

    [Fact]
    public async Task A_page_counts_the_list_only_when_it_shows_totalCount()
    {
        var (citizen, ids) = await SubmitAsync(3);
        const string Order = "order: { field: SUBMITTED_AT, direction: ASC }";

        var uncounted = await api.GraphQL($"{{ requests(first: 2, {Order}) {{ pageInfo {{ hasNextPage }} nodes {{ id }} }} }}", token: citizen);
        var aliased = await api.GraphQL($"{{ requests(first: 2, {Order}) {{ size: totalCount nodes {{ id }} }} }}", token: citizen);
        var fragment = await api.GraphQL(
            $"query {{ requests(first: 2, {Order}) {{ ...Counted }} }} fragment Counted on CitizenRequestConnection {{ totalCount }}", token: citizen);

        Assert.True(uncounted["errors"] is null, uncounted["errors"]?.ToJsonString());
        Assert.True(uncounted["data"]!["requests"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(ids.Take(2), uncounted["data"]!["requests"]!["nodes"]!.AsArray().Select(n => IdOf(n!)));
        Assert.True(aliased["errors"] is null, aliased["errors"]?.ToJsonString());
        Assert.Equal(3, aliased["data"]!["requests"]!["size"]!.GetValue<int>());
        Assert.True(fragment["errors"] is null, fragment["errors"]?.ToJsonString());
        Assert.Equal(3, fragment["data"]!["requests"]!["totalCount"]!.GetValue<int>());
    }

    /// <summary>A new citizen's requests at the Tunis office, in submission order.</summary>
    private async Task<(string Token, List<Guid> Ids)> SubmitAsync(int count)
    {
        var card = TestCards.Unique();
        var citizen = await api.Token("CITIZEN", "cit-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: card);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(Tunis, $"page-{i}", card: card), citizen);
            Assert.Null(submitted["errors"]);
            ids.Add(IdOf(submitted["data"]!["submitIdCardRequest"]!["request"]!));
        }

        return (citizen, ids);
    }

    private static Guid IdOf(JsonNode request)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(Base64(request["id"]!.GetValue<string>())));
        return Guid.ParseExact(text["CitizenRequest:".Length..], "N");
    }

    private static string Base64(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        return padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
    }
}
