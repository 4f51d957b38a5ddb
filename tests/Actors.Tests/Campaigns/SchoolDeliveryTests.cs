using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Tests.Clocks;

namespace Actors.Tests.Campaigns;

/// <summary>
/// Delivery at school, grouped by school, through GraphQL on the embedded API: a round is prepared at the center from the
/// school's cards READY_FOR_DELIVERY, dispatched, and handed over; each delivered card goes through its request's
/// CONFIRM_DELIVERY once, however often the handover is sent. Refusals change nothing.
/// </summary>
public sealed class SchoolDeliveryTests(ClockApiFactory api) : IClassFixture<ClockApiFactory>
{
    private const string Tunis = "TN11-GU1";

    private const string RoundFields = """
        id status schoolCode schoolName governorate { code } center { code } delivered returned preparedBy handedOverBy
        availableActions version cards { requestId reference givenName grade outcome returnReason }
        """;

    [Fact]
    public async Task An_agent_prepares_and_dispatches_a_round_and_an_education_officer_records_the_handover_once()
    {
        var (officer, agent) = (await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu")), await api.Token("AGENT", "agent-tunis", Tunis));
        var school = CampaignApi.NewCode("LYC");
        var campaignId = (await CampaignApi.CreateOk(api, officer, [CampaignApi.School(school, "TUNIS", 30)]))["id"]!.GetValue<string>();
        var cards = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            cards.Add(await ReadyCard(officer, agent, school, $"round-{school}-{i}"));
        }

        var candidates = await CandidatesUntil(agent, campaignId, school, c => c.Count == 3);
        Assert.All(candidates, c => Assert.Equal(("Yasmine", "1ère année", Tunis), (c!["givenName"]!.GetValue<string>(), c["grade"]!.GetValue<string>(), c["center"]!["code"]!.GetValue<string>())));
        Assert.All(candidates, c => Assert.Null(c!["roundId"]));

        // Every ready card of the school; the same key again is the same round.
        var key = "round-" + school;
        var round = Ok(await Prepare(agent, new { campaignId, schoolCode = school.ToLowerInvariant(), idempotencyKey = key }), "prepareSchoolDelivery");
        var roundId = round["id"]!.GetValue<string>();
        Assert.Equal(("PREPARED", school, "TUNIS", Tunis), (round["status"]!.GetValue<string>(), round["schoolCode"]!.GetValue<string>(),
            round["governorate"]!["code"]!.GetValue<string>(), round["center"]!["code"]!.GetValue<string>()));
        Assert.Equal(cards.Order(StringComparer.Ordinal), round["cards"]!.AsArray().Select(c => c!["requestId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "DISPATCH_SCHOOL_DELIVERY", "CANCEL_SCHOOL_DELIVERY" }, Strings(round["availableActions"]!));
        Assert.Equal(roundId, Ok(await Prepare(agent, new { campaignId, schoolCode = school, idempotencyKey = key }), "prepareSchoolDelivery")["id"]!.GetValue<string>());
        Assert.All(await Candidates(agent, campaignId, school), c => Assert.Equal(roundId, c!["roundId"]!.GetValue<string>()));

        // Not handed over before it leaves; the officer cannot dispatch.
        Assert.Equal("INVALID_TRANSITION", Refusal(await Handover(officer, roundId, cards, [])));
        Assert.Equal("FORBIDDEN", (await Mutate(officer, "dispatchSchoolDelivery", "DispatchSchoolDeliveryInput", new { roundId }))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("DISPATCHED", Ok(await Mutate(agent, "dispatchSchoolDelivery", "DispatchSchoolDeliveryInput", new { roundId }), "dispatchSchoolDelivery")["status"]!.GetValue<string>());

        // Two pupils get their card; the third is absent and the card goes back to the center.
        var absent = (requestId: cards[2], reason: "Élève absent le jour de la remise.");
        var handedOver = Ok(await Handover(officer, roundId, cards[..2], [absent]), "recordSchoolHandover");
        Assert.Equal(("HANDED_OVER", 2, 1), (handedOver["status"]!.GetValue<string>(), handedOver["delivered"]!.GetValue<int>(), handedOver["returned"]!.GetValue<int>()));
        Assert.StartsWith("EDUCATION_OFFICER:", handedOver["handedOverBy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(absent.reason, handedOver["cards"]!.AsArray().Single(c => c!["requestId"]!.GetValue<string>() == cards[2])!["returnReason"]!.GetValue<string>());
        Assert.Empty(handedOver["availableActions"]!.AsArray());
        foreach (var delivered in cards[..2])
        {
            var request = await Read(delivered, agent);
            Assert.Equal(("DELIVERED", "SCHOOL", school), (request["status"]!.GetValue<string>(), request["delivery"]!["channel"]!.GetValue<string>(),
                request["delivery"]!["schoolCode"]!.GetValue<string>()));
        }

        Assert.Equal("READY_FOR_DELIVERY", (await Read(cards[2], agent))["status"]!.GetValue<string>());

        // The same handover again, twice at once (a retried click, a retrying client): the same round, each card delivered once.
        var retried = await Task.WhenAll(Handover(officer, roundId, cards[..2], [absent]), Handover(agent, roundId, cards[..2], [absent]));
        Assert.All(retried, r => Assert.Equal(handedOver["version"]!.GetValue<long>(), Ok(r, "recordSchoolHandover")["version"]!.GetValue<long>()));
        foreach (var delivered in cards[..2])
        {
            var history = (await Read(delivered, agent))["history"]!.AsArray();
            Assert.Single(history, h => h!["status"]!.GetValue<string>() == "DELIVERED");
        }

        // Another handover of a closed round is refused; the returned card is free for the next round.
        Assert.Equal("INVALID_TRANSITION", Refusal(await Handover(officer, roundId, cards, [])));
        var free = await CandidatesUntil(agent, campaignId, school, c => c.Count == 1);
        Assert.Equal(cards[2], free[0]!["requestId"]!.GetValue<string>());
        Assert.Null(free[0]!["roundId"]);
        var next = Ok(await Prepare(agent, new { campaignId, schoolCode = school, requestIds = new[] { cards[2] }, idempotencyKey = key + "-next" }), "prepareSchoolDelivery");
        Assert.Single(next["cards"]!.AsArray());

        var rounds = await api.GraphQL($"query($c: ID!, $s: String!) {{ schoolDeliveryRounds(campaignId: $c, schoolCode: $s) {{ id status }} }}",
            new { c = campaignId, s = school }, officer);
        Assert.Equal(new[] { next["id"]!.GetValue<string>(), roundId }, rounds["data"]!["schoolDeliveryRounds"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        var node = await api.GraphQL("query($id: ID!) { node(id: $id) { ... on SchoolDeliveryRound { status delivered } } }", new { id = roundId }, agent);
        Assert.Equal("HANDED_OVER", node["data"]!["node"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_roles_cards_of_another_school_double_rounds_and_stale_cards_are_refused_and_change_nothing()
    {
        var (officer, agent) = (await api.Token("EDUCATION_OFFICER", CampaignApi.NewCode("edu")), await api.Token("AGENT", "agent-tunis", Tunis));
        var (school, other) = (CampaignApi.NewCode("LYC"), CampaignApi.NewCode("COL"));
        var campaignId = (await CampaignApi.CreateOk(api, officer, [CampaignApi.School(school, "TUNIS", 30), CampaignApi.School(other, "TUNIS", 30)]))["id"]!.GetValue<string>();
        var mine = await ReadyCard(officer, agent, school, $"refusals-{school}");
        var theirs = await ReadyCard(officer, agent, other, $"refusals-{other}");
        var unpaid = (await Submit(officer, school, $"refusals-{school}-unpaid"))["id"]!.GetValue<string>();
        await CandidatesUntil(agent, campaignId, school, c => c.Count == 1);

        // Wrong roles: a GraphQL error before anything runs; an agent of another center does not see the card.
        foreach (var role in new[] { "CITIZEN", "ANALYST", "EDUCATION_OFFICER" })
        {
            var token = await api.Token(role, CampaignApi.NewCode(role.ToLowerInvariant()));
            var refused = await Prepare(token, new { campaignId, schoolCode = school, idempotencyKey = "wrong-role" });
            Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }

        var stranger = await api.Token("AGENT", "agent-sfax", "TN61-GU1");
        Assert.Equal("CARD_NOT_READY_FOR_DELIVERY", Refusal(await Prepare(stranger, new { campaignId, schoolCode = school, requestIds = new[] { mine }, idempotencyKey = "stranger" })));
        Assert.Equal("NO_CARDS_TO_DELIVER", Refusal(await Prepare(stranger, new { campaignId, schoolCode = school, idempotencyKey = "stranger-all" })));

        // A card of another school, a card that is not ready, a school the campaign does not have.
        var mixed = await Prepare(agent, new { campaignId, schoolCode = school, requestIds = new[] { mine, theirs }, idempotencyKey = "mixed" });
        Assert.Equal("CARD_OF_ANOTHER_SCHOOL", Refusal(mixed));
        var theirsReference = (await Read(theirs, agent))["reference"]!.GetValue<string>();
        Assert.Contains(theirsReference, mixed["data"]!["prepareSchoolDelivery"]!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("CARD_NOT_READY_FOR_DELIVERY", Refusal(await Prepare(agent, new { campaignId, schoolCode = school, requestIds = new[] { unpaid }, idempotencyKey = "unpaid" })));
        Assert.Equal("SCHOOL_NOT_IN_CAMPAIGN", Refusal(await Prepare(agent, new { campaignId, schoolCode = "LYC-NOWHERE", idempotencyKey = "nowhere" })));
        Assert.Empty(await Rounds(agent, campaignId, school));

        // A card is in one open round at a time; a key says one plan.
        var first = Ok(await Prepare(agent, new { campaignId, schoolCode = school, requestIds = new[] { mine }, idempotencyKey = "first" }), "prepareSchoolDelivery");
        Assert.Equal("CARD_IN_ANOTHER_ROUND", Refusal(await Prepare(agent, new { campaignId, schoolCode = school, requestIds = new[] { mine }, idempotencyKey = "second" })));
        Assert.Equal("NO_CARDS_TO_DELIVER", Refusal(await Prepare(agent, new { campaignId, schoolCode = school, idempotencyKey = "all" })));
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", Refusal(await Prepare(agent, new { campaignId, schoolCode = school, idempotencyKey = "first" })));
        Assert.Single(await Rounds(agent, campaignId, school));

        // A round of the other school, cancelled by the governorate's supervisor before it leaves: its card is free again.
        var otherRound = Ok(await Prepare(agent, new { campaignId, schoolCode = other, idempotencyKey = "other" }), "prepareSchoolDelivery")["id"]!.GetValue<string>();
        var supervisor = await api.Token("SUPERVISOR", "supervisor-tunis", governorate: "TUNIS");
        var cancelled = Ok(await Mutate(supervisor, "cancelSchoolDelivery", "CancelSchoolDeliveryInput", new { roundId = otherRound, reason = "Sortie scolaire ce jour-là." }), "cancelSchoolDelivery");
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
        Assert.Null((await Candidates(agent, campaignId, other)).Single()!["roundId"]);

        // The handover accounts for every card once; a card delivered at the desk meanwhile cannot be handed over at school.
        var roundId = first["id"]!.GetValue<string>();
        Ok(await Mutate(agent, "dispatchSchoolDelivery", "DispatchSchoolDeliveryInput", new { roundId }), "dispatchSchoolDelivery");
        Assert.Equal("INVALID_TRANSITION", Refusal(await Mutate(agent, "cancelSchoolDelivery", "CancelSchoolDeliveryInput", new { roundId }), "cancelSchoolDelivery"));
        Assert.Equal("HANDOVER_MISMATCH", Refusal(await Handover(agent, roundId, [], [])));
        Assert.Equal("HANDOVER_MISMATCH", Refusal(await Handover(agent, roundId, [mine], [(mine, "twice")])));
        Assert.Equal("HANDOVER_MISMATCH", Refusal(await Handover(agent, roundId, [mine, theirs], [])));
        await Step("confirmDelivery", agent, new { requestId = mine, channel = "CENTER", identityCheck = "GUARDIAN_ID_CARD" }, "DELIVERED");
        var version = (await Read(mine, agent))["version"]!.GetValue<long>();
        Assert.Equal("CARD_NOT_READY_FOR_DELIVERY", Refusal(await Handover(agent, roundId, [mine], [])));
        Assert.Equal(("DISPATCHED", version), ((await Round(agent, roundId))["status"]!.GetValue<string>(), (await Read(mine, agent))["version"]!.GetValue<long>()));
        var returned = Ok(await Handover(agent, roundId, [], [(mine, "Remise au guichet du centre entre-temps.")]), "recordSchoolHandover");
        Assert.Equal(("HANDED_OVER", 0, 1), (returned["status"]!.GetValue<string>(), returned["delivered"]!.GetValue<int>(), returned["returned"]!.GetValue<int>()));
        Assert.Equal("CENTER", (await Read(mine, agent))["delivery"]!["channel"]!.GetValue<string>());
    }

    /// <summary>A pupil's card of that school taken by hand to READY_FOR_DELIVERY at the Tunis office (the silo's clock moves to the appointment).</summary>
    private async Task<string> ReadyCard(string officer, string agent, string school, string key)
    {
        var id = (await Submit(officer, school, key))["id"]!.GetValue<string>();
        await Step("startVerification", agent, new { requestId = id }, "VERIFYING");
        await Step("confirmVerification", agent, new { requestId = id }, "AWAITING_PAYMENT");
        await Step("recordPayment", agent, new { requestId = id, paymentReference = "CASH-" + key, amountMillimes = 3000 }, "PAID");
        var booked = await Step("bookAppointment", agent, new { requestId = id, slot = await FreeSlot(agent), idempotencyKey = "book-" + key }, "APPOINTMENT_BOOKED");
        api.MovePast(booked["appointment"]!["startsAt"]!.GetValue<DateTimeOffset>());
        await Step("recordBiometrics", agent, new { requestId = id }, "BIOMETRICS_CAPTURED");
        await Step("startProduction", agent, new { requestId = id }, "IN_PRODUCTION");
        await Step("markReadyForDelivery", agent, new { requestId = id }, "READY_FOR_DELIVERY");
        return id;
    }

    private Task<JsonNode> Submit(string officer, string school, string key) => Step("submitIdCardRequest", officer, new
    {
        reason = "FIRST_ISSUE",
        centerId = GlobalIds.Center(Tunis),
        idempotencyKey = key,
        applicant = new { givenName = "Yasmine", familyName = "Trabelsi", birthDate = DateTime.UtcNow.AddYears(-15).AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        pupil = new { schoolCode = school, schoolName = "École " + school, grade = "1ère année" },
        guardian = new { fullName = "Mohamed Trabelsi", nationalIdNumber = "04567812", relationship = "father", consentGiven = true },
    }, "SUBMITTED");

    private async Task<string> FreeSlot(string token)
    {
        var today = Actors.Contracts.Scheduling.TunisTime.DayOf(api.Clock.GetUtcNow());
        var result = await api.GraphQL(
            "query($c: ID!, $from: Date!, $to: Date!) { availableSlots(centerId: $c, service: NATIONAL_ID_CARD, from: $from, to: $to, first: 1) { nodes { id } } }",
            new { c = GlobalIds.Center(Tunis), from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["availableSlots"]!["nodes"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> Step(string mutation, string token, object input, string expectedStatus)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL(
            $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ id status appointment {{ startsAt }} }} errors {{ __typename ... on Error {{ code message }} }} }} }}",
            new { @in = input }, token);
        Assert.True(result["errors"] is null, $"{mutation}: {result["errors"]?.ToJsonString()}");
        var payload = result["data"]![mutation]!;
        Assert.True(payload["errors"] is null, $"{mutation}: {payload["errors"]?.ToJsonString()}");
        Assert.Equal(expectedStatus, payload["request"]!["status"]!.GetValue<string>());
        return payload["request"]!;
    }

    private async Task<JsonNode> Read(string id, string token)
    {
        var result = await api.GraphQL("query($id: ID!) { request(id: $id) { reference status version delivery { channel schoolCode } history { status } } }", new { id }, token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["request"]!;
    }

    private Task<JsonNode> Prepare(string token, object input) => Mutate(token, "prepareSchoolDelivery", "PrepareSchoolDeliveryInput", input);

    private Task<JsonNode> Handover(string token, string roundId, IEnumerable<string> delivered, IEnumerable<(string RequestId, string Reason)> returned) =>
        Mutate(token, "recordSchoolHandover", "RecordSchoolHandoverInput",
            new { roundId, delivered = delivered.ToArray(), returned = returned.Select(r => new { requestId = r.RequestId, reason = r.Reason }).ToArray() });

    private Task<JsonNode> Mutate(string token, string mutation, string inputType, object input) => api.GraphQL(
        $"mutation($in: {inputType}!) {{ {mutation}(input: $in) {{ round {{ {RoundFields} }} errors {{ __typename ... on Error {{ code message }} }} }} }}",
        new { @in = input }, token);

    private async Task<JsonNode> Round(string token, string id)
    {
        var result = await api.GraphQL($"query($id: ID!) {{ schoolDeliveryRound(id: $id) {{ {RoundFields} }} }}", new { id }, token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["schoolDeliveryRound"]!;
    }

    private async Task<JsonArray> Rounds(string token, string campaignId, string school)
    {
        var result = await api.GraphQL("query($c: ID!, $s: String!) { schoolDeliveryRounds(campaignId: $c, schoolCode: $s) { id } }", new { c = campaignId, s = school }, token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["schoolDeliveryRounds"]!.AsArray();
    }

    private async Task<JsonArray> Candidates(string token, string campaignId, string school)
    {
        var result = await api.GraphQL(
            "query($c: ID!, $s: String!) { schoolDeliveryCandidates(campaignId: $c, schoolCode: $s) { requestId reference givenName grade center { code } roundId } }",
            new { c = campaignId, s = school }, token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["schoolDeliveryCandidates"]!.AsArray();
    }

    /// <summary>The candidates follow the request list, which follows the outbox: read until they satisfy the condition, failing after 30 s.</summary>
    private async Task<JsonArray> CandidatesUntil(string token, string campaignId, string school, Func<JsonArray, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var candidates = await Candidates(token, campaignId, school);
            if (done(candidates))
            {
                return candidates;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The candidates never got there: " + candidates.ToJsonString());
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static JsonNode Ok(JsonNode result, string mutation)
    {
        Assert.True(result["errors"] is null, $"{mutation}: {result["errors"]?.ToJsonString()}");
        var payload = result["data"]![mutation]!;
        Assert.True(payload["errors"] is null, $"{mutation}: {payload["errors"]?.ToJsonString()}");
        return payload["round"]!;
    }

    /// <summary>The one payload refusal's code (the round is then null); a GraphQL error fails the test.</summary>
    private static string Refusal(JsonNode result, string? mutation = null)
    {
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        var payload = mutation is null ? result["data"]!.AsObject().Single().Value! : result["data"]![mutation]!;
        Assert.Null(payload["round"]);
        return payload["errors"]!.AsArray().Single()!["code"]!.GetValue<string>();
    }

    private static string[] Strings(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
