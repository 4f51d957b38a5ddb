using System.Text.Json.Nodes;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;
using Actors.Tests.Transport;

namespace Actors.Tests.Audit;

/// <summary>
/// What the trail keeps of subscriptions (over a real WebSocket) and of mutations refused in their payload, on the
/// shared API host: each test reads only the entries of the request it made.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditSubscriptionAndRefusalTests(ApiFactory api)
{
    private const string Tunis = "TN11-GU1";

    private const string StatusChanged = "subscription($id: ID!) { requestStatusChanged(id: $id) { requestId status version } }";

    private const string Trail = """
        query($where: AuditWhereInput, $after: String) {
          auditTrail(where: $where, first: 50, after: $after) {
            nodes { kind operation objectIds subject role outcome }
            pageInfo { hasNextPage endCursor } } }
        """;

    [Fact]
    public async Task A_subscription_to_a_request_is_audited_once_when_it_is_asked_for()
    {
        var (owner, citizen, id) = await SubmittedAsync();
        await using var socket = await GraphQLWebSocketTestClient.ConnectAndInitAsync(SocketAddress, new { Authorization = "Bearer " + citizen });
        await socket.SubscribeAsync("1", StatusChanged, new { id });

        var entry = Assert.Single(await EntriesEventuallyAsync(id, "requestStatusChanged", 1));
        Assert.Equal(("READ", "requestStatusChanged", "OK", owner, "CITIZEN"), Describe(entry));
        Assert.Equal([id], entry["objectIds"]!.AsArray().Select(o => o!.GetValue<string>()));

        // The events that follow are the same read going on: a step delivered live adds no entry.
        var agent = await api.Token("AGENT", "agent-audit-sub", Tunis);
        var started = await api.GraphQL(
            "mutation($in: StartVerificationInput!) { startVerification(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { requestId = id } }, agent);
        Assert.True(started["errors"] is null && started["data"]!["startVerification"]!["errors"] is null, started.ToJsonString());
        var next = await socket.ReceiveAsync();
        Assert.Equal("next", GraphQLWebSocketTestClient.Type(next));
        Assert.Equal("VERIFYING", next["payload"]!["data"]!["requestStatusChanged"]!["status"]!.GetValue<string>());
        Assert.Single(await EntriesAsync(id, "requestStatusChanged"));
    }

    [Fact]
    public async Task The_supervisors_of_the_requests_governorate_see_its_subscription_entries_and_no_others_do()
    {
        var (owner, citizen, id) = await SubmittedAsync();
        var stranger = "cit-" + Guid.NewGuid().ToString("N")[..8];
        // The owner's subscription stays open while the trail is read (a socket closed at once may never run it).
        await using var socket = await GraphQLWebSocketTestClient.ConnectAndInitAsync(SocketAddress, new { Authorization = "Bearer " + citizen });
        await socket.SubscribeAsync("1", StatusChanged, new { id });
        Assert.Single(await EntriesEventuallyAsync(id, "requestStatusChanged", 1));
        await using (var refused = await GraphQLWebSocketTestClient.ConnectAndInitAsync(
            SocketAddress, new { Authorization = "Bearer " + await api.Token("CITIZEN", stranger, nationalIdNumber: "07654321") }))
        {
            await refused.SubscribeAsync("1", StatusChanged, new { id });
            Assert.Equal("next", GraphQLWebSocketTestClient.Type(await refused.ReceiveAsync()));
        }

        Assert.Equal(2, (await EntriesEventuallyAsync(id, "requestStatusChanged", 2)).Count);

        // The owner's read and the stranger's refused attempt are both about a request of TUNIS.
        var tunis = await EntriesAsync(id, "requestStatusChanged", await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS"));
        Assert.Equal(
            [("READ", "requestStatusChanged", "OK", owner, "CITIZEN"), ("READ", "requestStatusChanged", "NOT_FOUND", stranger, "CITIZEN")],
            tunis.Select(Describe).Reverse());
        Assert.Empty(await EntriesAsync(id, "requestStatusChanged", await api.Token("SUPERVISOR", "sup-sfax", governorate: "SFAX")));
    }

    [Fact]
    public async Task A_refused_subscription_is_audited_with_its_refusal()
    {
        var (_, _, id) = await SubmittedAsync();
        var stranger = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var analyst = "analyst-" + Guid.NewGuid().ToString("N")[..8];
        var callers = new (string? Token, string Code)[]
        {
            (await api.Token("CITIZEN", stranger, nationalIdNumber: "07654321"), "NOT_FOUND"),
            (await api.Token("ANALYST", analyst), "FORBIDDEN"),
            (null, "UNAUTHENTICATED"),
        };

        foreach (var (token, code) in callers)
        {
            await using var socket = await GraphQLWebSocketTestClient.ConnectAndInitAsync(
                SocketAddress, token is null ? null : new { Authorization = "Bearer " + token });
            await socket.SubscribeAsync("1", StatusChanged, new { id });
            // A refusal while joining the stream is an execution error: graphql-transport-ws sends it as "next", then "complete".
            var refused = await socket.ReceiveAsync();
            Assert.Equal("next", GraphQLWebSocketTestClient.Type(refused));
            Assert.Equal(code, refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal("complete", GraphQLWebSocketTestClient.Type(await socket.ReceiveAsync()));
        }

        var entries = await EntriesEventuallyAsync(id, "requestStatusChanged", 3);
        Assert.Equal(
            [("READ", "requestStatusChanged", "NOT_FOUND", stranger, "CITIZEN"), ("READ", "requestStatusChanged", "FORBIDDEN", analyst, "ANALYST"),
             ("READ", "requestStatusChanged", "UNAUTHENTICATED", "", "ANONYMOUS")],
            entries.Select(Describe).Reverse());
    }

    [Fact]
    public async Task A_mutation_refused_in_its_payload_is_audited_with_that_refusal_code()
    {
        var (_, _, id) = await SubmittedAsync();
        var agent = await api.Token("AGENT", "agent-audit-refusal", Tunis);

        // A submitted request is not yet being verified: confirming its verification is a step it does not allow.
        var answer = await api.GraphQL(
            "mutation($in: ConfirmVerificationInput!) { confirmVerification(input: $in) { errors { ... on Error { code } } } }",
            new { @in = new { requestId = id } }, agent);
        Assert.True(answer["errors"] is null, answer.ToJsonString());
        var code = answer["data"]!["confirmVerification"]!["errors"]![0]!["code"]!.GetValue<string>();
        Assert.NotEqual("OK", code);

        var entry = Assert.Single(await EntriesAsync(id, "confirmVerification"));
        Assert.Equal(("MUTATION", "confirmVerification", code, "agent-audit-refusal", "AGENT"), Describe(entry));
        Assert.Contains(id, entry["objectIds"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    private Uri SocketAddress => new UriBuilder(api.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;

    private async Task<(string Owner, string Token, string Id)> SubmittedAsync()
    {
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(Tunis, "audit-sub-" + owner), citizen);
        Assert.True(submitted["errors"] is null, submitted.ToJsonString());
        return (owner, citizen, submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>());
    }

    /// <summary>
    /// The entries once there are <paramref name="count"/> of them: graphql-transport-ws confirms no subscription, so
    /// the trail is polled (generously: the entry is written before the subscription starts, but the client cannot see when).
    /// </summary>
    private async Task<List<JsonNode>> EntriesEventuallyAsync(string objectId, string operation, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var entries = await EntriesAsync(objectId, operation);
            if (entries.Count >= count || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The trail's entries about one object and operation, newest first, as an operator (or <paramref name="reader"/>) reads them.</summary>
    private async Task<List<JsonNode>> EntriesAsync(string objectId, string operation, string? reader = null)
    {
        reader ??= await api.Token("OPERATOR", "audit-sub-reader");
        var entries = new List<JsonNode>();
        string? after = null;
        do
        {
            var result = await api.GraphQL(Trail, new { where = new { objectId, operation }, after }, reader);
            Assert.True(result["errors"] is null, result.ToJsonString());
            var page = result["data"]!["auditTrail"]!;
            entries.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return entries;
    }

    private static (string Kind, string Operation, string Outcome, string Subject, string Role) Describe(JsonNode entry) =>
        (entry["kind"]!.GetValue<string>(), entry["operation"]!.GetValue<string>(), entry["outcome"]!.GetValue<string>(),
         entry["subject"]!.GetValue<string>(), entry["role"]!.GetValue<string>());
}
