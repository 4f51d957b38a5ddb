using System.Security.Claims;
using System.Text.Json.Nodes;
using Actors.Api.Identity;
using Actors.Api.Transport;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;
using Actors.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Performance;

/// <summary>
/// The structural facts the read targets of issue 15 rely on, counted rather than timed so that a regression shows in CI
/// however noisy the machine: a page of requests costs the same grain calls whatever its size, a document sent again is
/// not parsed or validated again (while every check of the request, the caller and the variables still runs), and a
/// token sent again is not verified again until it expires.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadPathStructureTests(ApiFactory api)
{
    private const string Center = "TN13-GU1";

    private const string CenterPage = """
        query($first: Int) { requests(first: $first, where: { statuses: [SUBMITTED] }) { nodes { id status version applicant { familyName } } } }
        """;

    [Fact]
    public async Task A_page_of_fifty_makes_no_more_grain_calls_than_a_page_of_ten()
    {
        for (var i = 0; i < 25; i++)
        {
            var card = TestCards.Unique();
            var citizen = await api.Token("CITIZEN", "cit-page-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: card);
            for (var j = 0; j < 2; j++)
            {
                var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(Center, $"structure-{i}-{j}", card: card), citizen);
                Assert.Null(submitted["errors"]);
            }
        }

        var agent = await api.Token("AGENT", "agent-structure", Center);
        // The index is a projection: wait until it holds the 50 (the page is then full).
        var full = await EventuallyAsync(async () => await api.GraphQL(CenterPage, new { first = 50 }, agent), page => Nodes(page).Count == 50);
        Assert.Null(full["errors"]);

        // The counter sees every grain call the API process makes, background work included (a projection's catch-up, a
        // cache refresh): the least of three runs is the page's own cost.
        var (ten, tenCalls) = await LeastCallsAsync(10, agent);
        var (fifty, fiftyCalls) = await LeastCallsAsync(50, agent);

        Assert.Equal(10, Nodes(ten).Count);
        Assert.Equal(50, Nodes(fifty).Count);
        Assert.All(Nodes(fifty), node => Assert.Equal("SUBMITTED", node!["status"]!.GetValue<string>()));
        Assert.Equal(tenCalls, fiftyCalls);
        Assert.True(fiftyCalls <= 3, $"A page of 50 made {fiftyCalls} grain calls.");
    }

    private async Task<(JsonNode Page, int Calls)> LeastCallsAsync(int first, string agent)
    {
        JsonNode? page = null;
        var least = int.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var mark = api.GrainCalls.Mark;
            page = await api.GraphQL(CenterPage, new { first }, agent);
            least = Math.Min(least, api.GrainCalls.CountSince(mark));
        }

        return (page!, least);
    }

    [Fact]
    public async Task The_same_document_is_parsed_and_validated_once()
    {
        var documents = api.Services.GetRequiredService<ValidatedDocuments>();
        // A text no other test sends: its first request is the only one that parses it.
        var query = $"query Once{Guid.NewGuid():N} {{ governorates {{ code }} }}";

        var misses = documents.Misses;
        var hits = documents.Hits;
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await api.GraphQL(query))["data"]!.ToJsonString());
        }

        Assert.Equal(1, documents.Misses - misses);
        Assert.Equal(2, documents.Hits - hits);
        Assert.Single(answers.Distinct());
        Assert.Contains("TUNIS", answers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_document_is_still_checked_for_each_request_as_a_new_one_is()
    {
        var documents = api.Services.GetRequiredService<ValidatedDocuments>();
        var agent = await api.Token("AGENT", "agent-kept", Center);
        var analyst = await api.Token("ANALYST", "analyst-kept");
        static string Text(string name) => $"query {name}($first: Int) {{ requests(first: $first) {{ nodes {{ id }} }} }}";
        var kept = Text("Kept" + Guid.NewGuid().ToString("N"));
        Assert.Null((await api.GraphQL(kept, new { first = 1 }, agent))["errors"]);

        // The variables are still coerced, the page bound and the caller's role still apply: each answer from the kept
        // document is the answer to the same request in a text never seen (parsed and validated in full).
        (object Variables, string? Token)[] cases = [(new { first = "one" }, agent), (new { first = 51 }, agent), (new { first = 1 }, null), (new { first = 1 }, analyst)];
        foreach (var (variables, token) in cases)
        {
            var hits = documents.Hits;
            var fromKept = await api.GraphQL(kept, variables, token);
            Assert.Equal(1, documents.Hits - hits);
            var fromNew = await api.GraphQL(Text("New" + Guid.NewGuid().ToString("N")), variables, token);

            Assert.NotNull(fromKept["errors"]);
            Assert.Equal(Errors(fromNew), Errors(fromKept));
        }
    }

    [Fact]
    public async Task A_kept_document_still_holds_each_operation_to_its_transport()
    {
        var documents = api.Services.GetRequiredService<ValidatedDocuments>();
        var suffix = Guid.NewGuid().ToString("N");
        var text = $$"""
            query Read{{suffix}} { governorates { code } }
            mutation Cancel{{suffix}} { cancelRequest(input: { requestId: "none", reason: "test" }) { __typename } }
            """;
        Assert.Null((await PostAsync(text, "Read" + suffix))["errors"]);

        // Kept now: the same text over GET runs its query and is refused its mutation, as a text never seen is.
        var hits = documents.Hits;
        using var query = await api.Http.GetAsync(GetUri(text, "Read" + suffix), TestContext.Current.CancellationToken);
        using var mutation = await api.Http.GetAsync(GetUri(text, "Cancel" + suffix), TestContext.Current.CancellationToken);
        using var fresh = await api.Http.GetAsync(GetUri(text.Replace(suffix, "New" + suffix, StringComparison.Ordinal), "CancelNew" + suffix), TestContext.Current.CancellationToken);

        Assert.Equal(2, documents.Hits - hits);
        Assert.Equal(System.Net.HttpStatusCode.OK, query.StatusCode);
        Assert.Contains("TUNIS", await query.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, mutation.StatusCode);
        Assert.Equal(["POST"], mutation.Content.Headers.Allow);
        Assert.Equal(
            Errors(JsonNode.Parse(await fresh.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!),
            Errors(JsonNode.Parse(await mutation.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!));
    }

    private static string GetUri(string text, string operationName) =>
        $"/graphql?query={Uri.EscapeDataString(text)}&operationName={Uri.EscapeDataString(operationName)}";

    private async Task<JsonNode> PostAsync(string text, string operationName)
    {
        using var response = await api.Http.PostAsync("/graphql", System.Net.Http.Json.JsonContent.Create(new { query = text, operationName }), TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task A_token_is_verified_once_until_it_expires()
    {
        var tokens = api.Services.GetRequiredService<AcceptedTokens>();
        var citizen = await api.Token("CITIZEN", "cit-token-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: TestCards.Unique());
        var hits = tokens.Hits;
        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await api.GraphQL("{ requests(first: 1) { nodes { id } } }", token: citizen))["errors"]);
        }

        Assert.Equal(2, tokens.Hits - hits);
    }

    [Fact]
    public void An_accepted_token_is_forgotten_at_its_expiry_and_after_the_longest_age()
    {
        var clock = new RehearsalClock(TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "someone")], "test"));
        var tokens = new AcceptedTokens(clock);
        tokens.Remember("soon", principal, now.AddSeconds(30).UtcDateTime);
        tokens.Remember("late", principal, now.AddHours(1).UtcDateTime);
        tokens.Remember("expired", principal, now.AddSeconds(-1).UtcDateTime);

        Assert.Equal("someone", tokens.Find("soon")?.FindFirst("sub")?.Value);
        Assert.NotSame(principal, tokens.Find("soon"));
        Assert.Null(tokens.Find("expired"));
        Assert.Null(tokens.Find("never seen"));

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(tokens.Find("soon"));
        Assert.NotNull(tokens.Find("late"));

        clock.Advance(AcceptedTokens.MaxAge);
        Assert.Null(tokens.Find("late"));
    }

    private static List<JsonNode?> Nodes(JsonNode page) => [.. page["data"]!["requests"]!["nodes"]!.AsArray()];

    /// <summary>The errors' codes and messages, without locations (the two texts differ in length).</summary>
    private static string Errors(JsonNode answer) => string.Join("\n", answer["errors"]!.AsArray()
        .Select(e => e!["extensions"]?["code"]?.GetValue<string>() + " " + e["message"]!.GetValue<string>()));

    private static async Task<JsonNode> EventuallyAsync(Func<Task<JsonNode>> read, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = await read();
        while (!done(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            last = await read();
        }

        return last;
    }
}
