using System.Text.Json.Nodes;

namespace Actors.Tests.Pathway;

/// <summary>
/// The pathway runs by itself over GraphQL on Kestrel: the sandboxes answer as the civil registry, Education,
/// Justice and the payment gateway would, and every step they cause is a system's in the history. When a system
/// is down the request says so and an agent completes the step by hand.
/// </summary>
[Collection(AutomaticPathwayCollection.Name)]
public sealed class AutomaticPathwayTests(AutomaticApiFactory host)
{
    private readonly PathwayApi api = new(host);

    private const string Pathway = "SYSTEM:system:pathway";
    private const string CivilRegistry = "SYSTEM:system:civil-registry";
    private const string Gateway = "SYSTEM:system:payment-gateway";
    private const string SuccessCard = "4242 4242 4242 4242";

    [Fact]
    public async Task A_pupils_card_goes_from_submission_to_PAID_with_no_agent_action()
    {
        var officerSubject = PathwayApi.NewSubject("edu");
        var officer = await host.Token("EDUCATION_OFFICER", officerSubject);
        var submitted = await api.Mutate("submitIdCardRequest", officer, PathwayApi.PupilInput(PathwayApi.Key("pupil")));
        var id = submitted["id"]!.GetValue<string>();

        var verified = await api.UntilStatus(id, officer, "AWAITING_PAYMENT");
        Assert.Equal(
            [("SUBMITTED", "EDUCATION_OFFICER:" + officerSubject), ("VERIFYING", Pathway), ("AWAITING_PAYMENT", Pathway)],
            PathwayApi.History(verified));
        Assert.Equal(
            "Identity confirmed by CIVIL_REGISTRY; enrolment confirmed by EDUCATION; guardian confirmed by CIVIL_REGISTRY.",
            verified["history"]![2]!["reason"]!.GetValue<string>());
        Assert.Equal([("CIVIL_REGISTRY", "MATCH"), ("EDUCATION", "ENROLLED"), ("CIVIL_REGISTRY", "CONFIRMED")], PathwayApi.Exchanges(verified));
        Assert.Null(verified["pendingOn"]);

        var payment = await api.StartPayment(id, officer, "pay-1");
        Assert.Equal("CREATED", payment["status"]!.GetValue<string>());
        Assert.Equal(("3.000", "TND"), (payment["amount"]!["dinars"]!.GetValue<string>(), payment["amount"]!["currency"]!.GetValue<string>()));
        var redirect = payment["redirectUrl"]!.GetValue<string>();
        Assert.StartsWith(host.BaseAddress + "sandbox/gateway/", redirect, StringComparison.Ordinal);
        Assert.Equal(redirect, (await api.StartPayment(id, officer, "pay-1"))["redirectUrl"]!.GetValue<string>());

        await PathwayApi.PayOnPage(redirect, SuccessCard);
        var paid = await api.UntilStatus(id, officer, "PAID");
        Assert.Equal(("PAID", Gateway), PathwayApi.History(paid)[^1]);
        Assert.Equal(4, PathwayApi.History(paid).Count);
        var online = paid["payments"]!.AsArray().Single()!;
        Assert.Equal("CAPTURED", online["status"]!.GetValue<string>());
        Assert.Equal(online["orderId"]!.GetValue<string>(), paid["payment"]!["reference"]!.GetValue<string>());
        Assert.Contains(("PAYMENT_GATEWAY", "REGISTERED"), PathwayApi.Exchanges(paid));
    }

    [Fact]
    public async Task With_the_civil_registry_down_the_request_waits_and_an_agent_completes_the_step_by_hand()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "00000008");
        var agent = await host.Token("AGENT", "agent-tunis", PathwayApi.Tunis);
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("down"), "00000008"));
        var id = submitted["id"]!.GetValue<string>();

        var waiting = await api.Until(id, agent, r => r["pendingOn"]?.GetValue<string>() == "CIVIL_REGISTRY", "the request waits on the civil registry");
        Assert.Equal("VERIFYING", waiting["status"]!.GetValue<string>());
        Assert.NotNull(waiting["pendingSince"]);
        Assert.All(PathwayApi.Exchanges(waiting), e => Assert.Equal(("CIVIL_REGISTRY", "UNAVAILABLE"), e));

        // It keeps trying: more unavailable exchanges pile up while nobody acts.
        await api.Until(id, agent, r => r["exchanges"]!["totalCount"]!.GetValue<int>() >= 2, "the pathway retries the registry");

        var confirmed = await api.Mutate("confirmVerification", agent, new { requestId = id, reason = "Identity checked on the paper card at the desk." });
        Assert.Equal("AWAITING_PAYMENT", confirmed["status"]!.GetValue<string>());
        Assert.Null(confirmed["pendingOn"]);
        Assert.Equal(("AWAITING_PAYMENT", "AGENT:agent-tunis"), PathwayApi.History(confirmed)[^1]);
    }

    [Theory]
    [InlineData("00000003", "IDENTITY_MISMATCH", "applicant.birthDate")]
    [InlineData("00000001", "IDENTITY_NOT_FOUND", "applicant")]
    public async Task A_registry_answer_the_citizen_can_act_on_asks_for_a_correction_of_the_field_concerned(string card, string code, string field)
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: card);
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("fix"), card));
        var id = submitted["id"]!.GetValue<string>();

        var toFix = await api.UntilStatus(id, citizen, "NEEDS_CORRECTION");
        Assert.Equal(code, toFix["correction"]!["code"]!.GetValue<string>());
        Assert.Equal(field, toFix["correction"]!["field"]!.GetValue<string>());
        Assert.Equal(("NEEDS_CORRECTION", CivilRegistry), PathwayApi.History(toFix)[^1]);
        Assert.Equal(
            ["applicant.givenName", "applicant.familyName", "applicant.birthDate", "applicant.birthPlace", "applicant.nationalIdNumber"],
            toFix["exchanges"]!["nodes"]![0]!["dataItems"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task A_deceased_applicant_is_rejected_by_the_civil_registry_s_answer()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "00000002");
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("dead"), "00000002"));
        var rejected = await api.UntilStatus(submitted["id"]!.GetValue<string>(), citizen, "REJECTED");
        Assert.Equal(("REJECTED", CivilRegistry), PathwayApi.History(rejected)[^1]);
    }

    [Fact]
    public async Task A_pupil_not_enrolled_at_the_declared_school_is_asked_to_correct_the_school()
    {
        var officer = await host.Token("EDUCATION_OFFICER", PathwayApi.NewSubject("edu"));
        var submitted = await api.Mutate("submitIdCardRequest", officer, PathwayApi.PupilInput(PathwayApi.Key("school"), schoolCode: "SBX-OTHER-SCHOOL"));
        var toFix = await api.UntilStatus(submitted["id"]!.GetValue<string>(), officer, "NEEDS_CORRECTION");
        Assert.Equal(("ANOTHER_SCHOOL", "pupil.schoolCode"), (toFix["correction"]!["code"]!.GetValue<string>(), toFix["correction"]!["field"]!.GetValue<string>()));
        Assert.Equal(("NEEDS_CORRECTION", "SYSTEM:system:education"), PathwayApi.History(toFix)[^1]);
    }

    [Fact]
    public async Task A_guardian_the_registry_does_not_confirm_is_not_trusted()
    {
        var officer = await host.Token("EDUCATION_OFFICER", PathwayApi.NewSubject("edu"));
        var submitted = await api.Mutate("submitIdCardRequest", officer, PathwayApi.PupilInput(PathwayApi.Key("guardian"), guardianCard: "00000011"));
        var toFix = await api.UntilStatus(submitted["id"]!.GetValue<string>(), officer, "NEEDS_CORRECTION");
        Assert.Equal("GUARDIAN_NOT_CONFIRMED", toFix["correction"]!["code"]!.GetValue<string>());
        Assert.Equal("guardian.nationalIdNumber", toFix["correction"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bulletin_no_3_with_a_clean_record_is_issued_after_online_payment_with_no_agent_action()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "07654321");
        var submitted = await api.Mutate("submitCriminalRecordRequest", citizen, PathwayApi.BulletinInput(PathwayApi.Key("b3"), "07654321"));
        var id = submitted["id"]!.GetValue<string>();
        await api.UntilStatus(id, citizen, "AWAITING_PAYMENT");
        var payment = await api.StartPayment(id, citizen, "pay");
        await PathwayApi.PayOnPage(payment["redirectUrl"]!.GetValue<string>(), SuccessCard);

        var issued = await api.UntilStatus(id, citizen, "ISSUED");
        Assert.Equal(
            ["SUBMITTED", "VERIFYING", "AWAITING_PAYMENT", "PAID", "RECORD_CHECK", "ISSUED"],
            PathwayApi.History(issued).Select(h => h.Status));
        Assert.Equal(("ISSUED", "SYSTEM:system:justice"), PathwayApi.History(issued)[^1]);
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$", issued["documentCode"]!.GetValue<string>());
        Assert.Contains(("JUSTICE", "CLEAN"), PathwayApi.Exchanges(issued));
    }

    [Fact]
    public async Task A_record_with_entries_is_referred_and_only_the_citizen_and_supervisors_read_why()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "00000021");
        var agent = await host.Token("AGENT", "agent-judicial", PathwayApi.TunisJudicial);
        var supervisor = await host.Token("SUPERVISOR", "supervisor-tunis", governorate: "TUNIS");
        var submitted = await api.Mutate("submitCriminalRecordRequest", citizen, PathwayApi.BulletinInput(PathwayApi.Key("b3"), "00000021"));
        var id = submitted["id"]!.GetValue<string>();
        await api.UntilStatus(id, citizen, "AWAITING_PAYMENT");
        var payment = await api.StartPayment(id, citizen, "pay");
        await PathwayApi.PayOnPage(payment["redirectUrl"]!.GetValue<string>(), SuccessCard);

        var referred = await api.UntilStatus(id, citizen, "REFERRED");
        static JsonNode? Why(JsonNode request) => request["history"]!.AsArray()[^1]!["reason"];
        Assert.Contains("court registry", Why(referred)!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(Why(await api.Read(id, supervisor)));
        Assert.Null(Why(await api.Read(id, agent)));
        Assert.Contains(("JUSTICE", "HAS_ENTRIES"), PathwayApi.Exchanges(referred));
    }

    [Fact]
    public async Task A_declined_card_leaves_the_fee_due_and_a_second_payment_pays_it()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("declined"), "01234567"));
        var id = submitted["id"]!.GetValue<string>();
        await api.UntilStatus(id, citizen, "AWAITING_PAYMENT");

        var first = await api.StartPayment(id, citizen, "try-1");
        await PathwayApi.PayOnPage(first["redirectUrl"]!.GetValue<string>(), "4000 0000 0000 0002");
        var declined = await api.Until(id, citizen, r => r["payments"]![0]!["status"]!.GetValue<string>() == "DECLINED", "the payment is declined");
        Assert.Equal("do_not_honor", declined["payments"]![0]!["declineCode"]!.GetValue<string>());
        Assert.Equal("AWAITING_PAYMENT", declined["status"]!.GetValue<string>());

        var second = await api.StartPayment(id, citizen, "try-2");
        await PathwayApi.PayOnPage(second["redirectUrl"]!.GetValue<string>(), SuccessCard);
        var paid = await api.UntilStatus(id, citizen, "PAID");
        Assert.Equal(["DECLINED", "CAPTURED"], paid["payments"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_paid_request_cancelled_by_the_citizen_is_refunded_once()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("refund"), "01234567"));
        var id = submitted["id"]!.GetValue<string>();
        await api.UntilStatus(id, citizen, "AWAITING_PAYMENT");
        var payment = await api.StartPayment(id, citizen, "pay");
        await PathwayApi.PayOnPage(payment["redirectUrl"]!.GetValue<string>(), SuccessCard);
        await api.UntilStatus(id, citizen, "PAID");

        await api.Mutate("cancelRequest", citizen, new { requestId = id, reason = "I found my old card." });
        var refunded = await api.UntilRefunded(id, citizen);
        Assert.Equal("CANCELLED", refunded["status"]!.GetValue<string>());
        Assert.Single(PathwayApi.Exchanges(refunded), e => e == ("PAYMENT_GATEWAY", "REFUNDED"));

        // The gateway's own refund webhook arrives too; it changes nothing and nothing is refunded twice.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var later = await api.Read(id, citizen);
        Assert.Single(PathwayApi.Exchanges(later), e => e == ("PAYMENT_GATEWAY", "REFUNDED"));
        Assert.Equal(["AUTHORISED", "CAPTURED", "REFUNDED"], later["payments"]![0]!["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task With_Justice_down_an_agent_rejects_the_paid_bulletin_by_hand_and_the_fee_is_refunded()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "00000028");
        var agent = await host.Token("AGENT", "agent-judicial", PathwayApi.TunisJudicial);
        var submitted = await api.Mutate("submitCriminalRecordRequest", citizen, PathwayApi.BulletinInput(PathwayApi.Key("b3"), "00000028"));
        var id = submitted["id"]!.GetValue<string>();
        await api.UntilStatus(id, citizen, "AWAITING_PAYMENT");
        var payment = await api.StartPayment(id, citizen, "pay");
        await PathwayApi.PayOnPage(payment["redirectUrl"]!.GetValue<string>(), SuccessCard);

        var waiting = await api.Until(id, agent, r => r["pendingOn"]?.GetValue<string>() == "JUSTICE", "the request waits on Justice");
        Assert.Equal("RECORD_CHECK", waiting["status"]!.GetValue<string>());
        await api.Mutate("rejectRequest", agent, new { requestId = id, reason = "The court registry cannot confirm the record in time for the job offer." });

        var refunded = await api.UntilRefunded(id, citizen);
        // Read by the citizen: the agent is shown by role and center, not by identity.
        Assert.Equal(("REJECTED", "AGENT @ " + PathwayApi.TunisJudicial), PathwayApi.History(refunded)[^1]);
        Assert.Single(PathwayApi.Exchanges(refunded), e => e == ("PAYMENT_GATEWAY", "REFUNDED"));
    }

    [Fact]
    public async Task Wrong_payment_inputs_get_typed_errors_and_change_nothing()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "00000008");
        var analyst = await host.Token("ANALYST", "analyst-1");
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("bad"), "00000008"));
        var id = submitted["id"]!.GetValue<string>();

        async Task<string?> GraphQLCode(string? token, object input)
        {
            var result = await host.GraphQL("mutation($in: StartPaymentInput!) { startPayment(input: $in) { payment { orderId } errors { __typename } } }", new { @in = input }, token);
            return result["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
        }

        Assert.Equal("BAD_USER_INPUT", await GraphQLCode(citizen, new { requestId = "not-an-id" }));
        Assert.Equal("BAD_USER_INPUT", await GraphQLCode(citizen, new { requestId = id, idempotencyKey = "spaces are not allowed" }));
        Assert.Equal("FORBIDDEN", await GraphQLCode(analyst, new { requestId = id }));
        Assert.Equal("NOT_FOUND", await GraphQLCode(citizen, new { requestId = GlobalIds.Of("CitizenRequest", Guid.NewGuid().ToString("N")) }));
        Assert.Equal("UNAUTHENTICATED", await GraphQLCode(null, new { requestId = id }));

        // The registry is down (00000008): the request is not payable yet, and says why.
        var early = await api.Payload("startPayment", citizen, new { requestId = id, idempotencyKey = "early" }, "payment", "orderId");
        Assert.Null(early["payment"]);
        Assert.Equal("INVALID_TRANSITION", early["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("AWAITING_PAYMENT", early["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await api.Read(id, citizen))["payments"]!.AsArray());
    }
}
