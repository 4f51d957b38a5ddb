using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Outbox;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Exchanges;

/// <summary>
/// The exchange log over real HTTP. Exchanges are committed the way a request's pathway commits them: ExchangeRecorded
/// events handed to the host's outbox publisher (this host's automatic pathway is off, see <see cref="ApiFactory"/>).
/// Every query names its request or a window of time of its own, so that other tests' exchanges never show here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExchangeApiTests(ApiFactory api)
{
    private const string Tunis = "TN11-GU1";

    private const string Log = """
        query($where: ExchangeWhereInput, $order: ExchangeOrderInput, $first: Int, $after: String, $last: Int, $before: String) {
          exchanges(where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
            totalCount asOf
            edges { cursor node { id requestReference system purpose dataItems outcome latencyMilliseconds attempts triggeredBy at request { id } } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
        """;

    private static readonly (OutsideSystem System, string Outcome)[] Pathway =
    [
        (OutsideSystem.CivilRegistry, "UNAVAILABLE"),
        (OutsideSystem.CivilRegistry, "IDENTITY_CONFIRMED"),
        (OutsideSystem.Education, "ENROLLED"),
        (OutsideSystem.CivilRegistry, "GUARDIAN_CONFIRMED"),
        (OutsideSystem.PaymentGateway, "SESSION_OPENED"),
        (OutsideSystem.PaymentGateway, "CAPTURED"),
        (OutsideSystem.Notifications, "SENT"),
    ];

    [Fact]
    public async Task A_supervisor_pages_a_requests_log_newest_first_in_both_directions()
    {
        var request = await SubmitWithExchangesAsync();
        var supervisor = await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS");
        var newestFirst = request.Exchanges.AsEnumerable().Reverse().ToList();

        var forward = new List<JsonNode>();
        string? after = null;
        JsonNode connection;
        do
        {
            connection = Data(await api.GraphQL(Log, new { where = new { requestId = request.Id }, first = 3, after }, supervisor))["exchanges"]!;
            Assert.Equal(7, connection["totalCount"]!.GetValue<int>());
            Assert.NotNull(connection["asOf"]);
            forward.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!));
            after = connection["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        Assert.Equal(newestFirst.Select(e => e.Outcome), forward.Select(n => n["outcome"]!.GetValue<string>()));
        var last = forward[^1];
        Assert.Equal(request.Reference, last["requestReference"]!.GetValue<string>());
        Assert.Equal("CIVIL_REGISTRY", last["system"]!.GetValue<string>());
        Assert.Equal(["nationalIdNumber", "givenName", "familyName", "birthDate"], last["dataItems"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(30_000, last["latencyMilliseconds"]!.GetValue<int>());
        Assert.Equal(3, last["attempts"]!.GetValue<int>());
        Assert.Equal("SYSTEM:pathway", last["triggeredBy"]!.GetValue<string>());
        Assert.Equal(request.Exchanges[0].At, DateTimeOffset.Parse(last["at"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(request.Id, last["request"]!["id"]!.GetValue<string>());

        var backward = new List<string>();
        string? before = null;
        do
        {
            connection = Data(await api.GraphQL(Log, new { where = new { requestId = request.Id }, last = 2, before }, supervisor))["exchanges"]!;
            backward.InsertRange(0, connection["edges"]!.AsArray().Select(e => e!["node"]!["outcome"]!.GetValue<string>()));
            before = connection["pageInfo"]!["startCursor"]?.GetValue<string>();
        }
        while (connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        Assert.Equal(newestFirst.Select(e => e.Outcome), backward);
        var oldestFirst = Data(await api.GraphQL(Log, new { where = new { requestId = request.Id }, order = new { field = "AT", direction = "ASC" }, first = 2 }, supervisor));
        Assert.Equal(["UNAVAILABLE", "IDENTITY_CONFIRMED"], Outcomes(oldestFirst["exchanges"]!));
    }

    [Fact]
    public async Task The_log_filters_by_request_system_outcome_and_time()
    {
        var start = RandomPast();
        var request = await SubmitWithExchangesAsync(start);
        var other = await SubmitWithExchangesAsync(start.AddMinutes(1));
        var agent = await api.Token("AGENT", "agent-tunis", Tunis);

        async Task<List<string>> Outcomes(object where) =>
            ExchangeApiTests.Outcomes(Data(await api.GraphQL(Log, new { where, first = 50 }, agent))["exchanges"]!);

        Assert.Equal(["CAPTURED", "SESSION_OPENED", "ENROLLED"],
            await Outcomes(new { requestId = request.Id, systems = new[] { "EDUCATION", "PAYMENT_GATEWAY" } }));
        Assert.Equal(["UNAVAILABLE"], await Outcomes(new { requestId = other.Id, outcomes = new[] { "UNAVAILABLE" } }));
        Assert.Equal(["ENROLLED", "IDENTITY_CONFIRMED"],
            await Outcomes(new { requestId = request.Id, from = Format(request.Exchanges[1].At), to = Format(request.Exchanges[3].At) }));
        Assert.Equal(["SENT", "SENT"], await Outcomes(new
        {
            systems = new[] { "NOTIFICATIONS" },
            centerIds = new[] { GlobalIds.Center(Tunis) },
            from = Format(start.AddTicks(-1)),
            to = Format(other.Exchanges[^1].At.AddSeconds(1)),
        }));
    }

    [Fact]
    public async Task Each_sees_the_log_of_their_scope_and_a_citizen_the_log_of_their_own_request()
    {
        var request = await SubmitWithExchangesAsync();
        var where = new { requestId = request.Id };

        async Task<int> Count(string token, object filter) =>
            Data(await api.GraphQL(Log, new { where = filter, first = 50 }, token))["exchanges"]!["totalCount"]!.GetValue<int>();

        Assert.Equal(7, await Count(await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS"), where));
        Assert.Equal(7, await Count(await api.Token("AGENT", "agent-tunis", Tunis), where));
        var sfaxSupervisor = await api.Token("SUPERVISOR", "sup-sfax", governorate: "SFAX");
        Assert.Equal(0, await Count(sfaxSupervisor, where));
        Assert.Equal(0, await Count(sfaxSupervisor, new { requestId = request.Id, governorates = new[] { "TUNIS" } }));
        Assert.Equal(0, await Count(await api.Token("AGENT", "agent-sfax", "TN61-GU1"), where));
        Assert.Equal(0, await Count(await api.Token("AGENT", "agent-tunis", Tunis), new { requestId = request.Id, centerIds = new[] { GlobalIds.Center("TN61-GU1") } }));

        foreach (var role in new[] { "CITIZEN", "ANALYST", "OPERATOR", "FUND_MANAGER", "EDUCATION_OFFICER" })
        {
            var refused = await api.GraphQL(Log, new { where, first = 5 }, await api.Token(role, request.Owner));
            Assert.Equal("FORBIDDEN", Code(refused));
        }

        Assert.Equal("UNAUTHENTICATED", Code(await api.GraphQL(Log, new { where, first = 5 })));

        const string OwnLog = "query($id: ID!) { request(id: $id) { exchanges(first: 5) { totalCount nodes { id system outcome request { id } } pageInfo { hasNextPage } } } }";
        var own = Data(await api.GraphQL(OwnLog, new { id = request.Id }, request.Token))["request"]!["exchanges"]!;
        Assert.Equal(7, own["totalCount"]!.GetValue<int>());
        Assert.True(own["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["SENT", "CAPTURED", "SESSION_OPENED", "GUARDIAN_CONFIRMED", "ENROLLED"], Outcomes(own));
        Assert.All(own["nodes"]!.AsArray(), n => Assert.Equal(request.Id, n!["request"]!["id"]!.GetValue<string>()));

        const string Node = "query($id: ID!) { node(id: $id) { id ... on Exchange { outcome requestReference } } }";
        var exchangeId = own["nodes"]![0]!["id"]!.GetValue<string>();
        Assert.Equal("SENT", Data(await api.GraphQL(Node, new { id = exchangeId }, request.Token))["node"]!["outcome"]!.GetValue<string>());
        Assert.Equal("SENT", Data(await api.GraphQL(Node, new { id = exchangeId }, await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS")))["node"]!["outcome"]!.GetValue<string>());
        foreach (var stranger in new[] { sfaxSupervisor, await api.Token("CITIZEN", "stranger-" + Guid.NewGuid().ToString("N")[..8]) })
        {
            var hidden = await api.GraphQL(Node, new { id = exchangeId }, stranger);
            Assert.Equal("NOT_FOUND", Code(hidden));
            Assert.Null(hidden["data"]!["node"]);
        }
    }

    [Fact]
    public async Task Bad_inputs_are_refused_naming_the_field()
    {
        var request = await SubmitWithExchangesAsync();
        var supervisor = await api.Token("SUPERVISOR", "sup-tunis", governorate: "TUNIS");
        var otherOrder = Data(await api.GraphQL(Log, new { where = new { requestId = request.Id }, first = 1, order = new { field = "AT", direction = "ASC" } }, supervisor));
        var ascendingCursor = otherOrder["exchanges"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        async Task<(string Code, string? Field)> Refusal(object variables)
        {
            var result = await api.GraphQL(Log, variables, supervisor);
            Assert.Null(result["data"]?["exchanges"]);
            return (Code(result), result["errors"]![0]!["extensions"]!["parameters"]?["field"]?.GetValue<string>());
        }

        Assert.Equal(("BAD_USER_INPUT", "first"), await Refusal(new { first = 51 }));
        Assert.Equal(("BAD_USER_INPUT", "after"), await Refusal(new { first = 5, after = "not-a-cursor" }));
        Assert.Equal(("BAD_USER_INPUT", "after"), await Refusal(new { first = 5, after = ascendingCursor }));
        Assert.Equal(("BAD_USER_INPUT", "where.from"), await Refusal(new { first = 5, where = new { from = Format(request.Exchanges[2].At), to = Format(request.Exchanges[1].At) } }));
        Assert.Equal(("BAD_USER_INPUT", "where.requestId"), await Refusal(new { first = 5, where = new { requestId = GlobalIds.Center(Tunis) } }));
        Assert.Equal(("BAD_USER_INPUT", "where.centerIds"), await Refusal(new { first = 5, where = new { centerIds = new[] { "nonsense" } } }));
        var (code, field) = await Refusal(new { first = 5, where = new { systems = new[] { "CIVIL_REGISTER" } } });
        Assert.Equal("BAD_USER_INPUT", code);
        Assert.StartsWith("where.systems", field, StringComparison.Ordinal);

        var literal = await api.GraphQL("{ exchanges(first: 5, where: { systems: [TAX_OFFICE] }) { totalCount } }", token: supervisor);
        Assert.Equal("BAD_USER_INPUT", Code(literal));
        Assert.Contains("CIVIL_REGISTRY", literal["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonNode Data(JsonNode result)
    {
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!;
    }

    private static string Code(JsonNode result) => result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private static List<string> Outcomes(JsonNode connection) =>
        (connection["nodes"] ?? new JsonArray([.. connection["edges"]!.AsArray().Select(e => e!["node"]!.DeepClone())]))
        .AsArray().Select(n => n!["outcome"]!.GetValue<string>()).ToList();

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>A whole second in the years 2001-2002, so that a window around it holds this test's exchanges alone.</summary>
    private static DateTimeOffset RandomPast() =>
        new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(Random.Shared.Next(0, 60 * 60 * 24 * 700));

    /// <summary>
    /// A new citizen's request at the Tunis office, then the exchanges of a pupil's pathway recorded for it, one
    /// second apart from <paramref name="start"/> (by default a random second long past), each committed as its own
    /// transition of the pathway.
    /// </summary>
    private async Task<SubmittedRequest> SubmitWithExchangesAsync(DateTimeOffset? start = null)
    {
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var token = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        var submitted = Data(await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(Tunis, "exchanges"), token));
        var request = submitted["submitIdCardRequest"]!["request"]!;
        var id = request["id"]!.GetValue<string>();
        var requestId = Guid.ParseExact(GlobalIdKey(id), "N");
        var reference = request["reference"]!.GetValue<string>();
        var first = start ?? RandomPast();
        var exchanges = Pathway.Select((step, i) => new ExchangeRecord(
            Guid.NewGuid(), requestId, reference, Tunis, "TUNIS", step.System, $"{step.System} check",
            step.System == OutsideSystem.CivilRegistry ? ["nationalIdNumber", "givenName", "familyName", "birthDate"] : ["nationalIdNumber"],
            step.Outcome, i == 0 ? 30_000 : 150 + i, i == 0 ? 3 : 1, "SYSTEM:pathway", first.AddSeconds(i))).ToList();
        var recorded = exchanges.Select((exchange, i) => new ExchangeRecorded("SYSTEM:pathway", i + 1, exchange.At, exchange)).ToList();
        var events = recorded.Select(e => OutboxEvent.Of(AggregateTypes.RequestPathway, requestId.ToString("D"), e)).ToList();
        var publisher = api.Services.GetRequiredService<IOutboxPublisher>();
        for (var i = 0; i < events.Count; i++)
        {
            await publisher.PublishAsync([events[i]], [recorded[i]]);
        }

        // A transition delivered again (a retried commit) logs nothing new.
        await publisher.PublishAsync(events[..2], recorded[..2]);
        return new SubmittedRequest(id, reference, owner, token, exchanges);
    }

    private static string GlobalIdKey(string id)
    {
        var padded = id.Replace('-', '+').Replace('_', '/');
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=')));
        return text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    private sealed record SubmittedRequest(string Id, string Reference, string Owner, string Token, List<ExchangeRecord> Exchanges);
}
