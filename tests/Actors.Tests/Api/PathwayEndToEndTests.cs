using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Tests.Clocks;

namespace Actors.Tests.Api;

/// <summary>
/// Every pathway from submission to its final status over GraphQL on Kestrel, each step taken with the
/// token of the role that takes it in real life, ending on the whole history written out by hand.
/// </summary>
public sealed class PathwayEndToEndTests(ClockApiFactory api) : IClassFixture<ClockApiFactory>
{
    private const string Tunis = "TN11-GU1";         // demo one-stop shop: cards
    private const string TunisJudicial = "TN11-BJ1"; // demo judicial office: bulletins no. 3
    private const string TunisModel = "TN11-BM1";    // demo model office: both

    private const string RequestFields =
        "id reference kind status isFinal version availableActions deliveryChannel documentCode center { code } appointment { startsAt } "
        + "isPupil pupil { schoolCode } guardian { fullName consentGiven nationalIdNumberMasked } "
        + "history { version status actor reason action }";

    private static string NewSubject(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The id of the first free card slot at a center within the next two weeks, read as a citizen would.</summary>
    private async Task<string> FreeSlot(string center, string token)
    {
        var today = Actors.Contracts.Scheduling.TunisTime.DayOf(api.Clock.GetUtcNow());
        var result = await api.GraphQL(
            "query($c: ID!, $from: Date!, $to: Date!) { availableSlots(centerId: $c, service: NATIONAL_ID_CARD, from: $from, to: $to, first: 1) { nodes { id } } }",
            new { c = GlobalIds.Center(center), from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["availableSlots"]!["nodes"]![0]!["id"]!.GetValue<string>();
    }

    /// <summary>A 15-year-old: within the pupil range (6–20) and a minor, so a consenting guardian is needed.</summary>
    private static string PupilBirthDate => DateTime.UtcNow.AddYears(-15).AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Takes one step (or a submission) and returns the request it answers with. A refusal comes back as a
    /// payload error, not a GraphQL error, so both are checked: a step counts only when neither is present.
    /// </summary>
    private async Task<JsonNode> Step(string mutation, string token, object input, string expectedStatus)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL(
            $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ {RequestFields} }} errors {{ __typename ... on Error {{ code message }} }} }} }}",
            new { @in = input }, token);
        Assert.True(result["errors"] is null, $"{mutation}: {result["errors"]?.ToJsonString()}");
        var payload = result["data"]![mutation]!;
        Assert.True(payload["errors"] is null, $"{mutation}: {payload["errors"]?.ToJsonString()}");
        var request = payload["request"] ?? throw new Xunit.Sdk.XunitException($"{mutation}: no request and no errors.");
        Assert.Equal(expectedStatus, request["status"]!.GetValue<string>());
        return request;
    }

    private async Task<JsonNode> Read(string id, string token)
    {
        var result = await api.GraphQL($"query($id: ID!) {{ request(id: $id) {{ {RequestFields} }} }}", new { id }, token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["request"]!;
    }

    /// <summary>The request is final, nobody can act on it, and its history is exactly the expected one, in order.</summary>
    private static void AssertFinal(JsonNode request, string status, params (string Status, string? Action, string Actor, string? Reason)[] history)
    {
        Assert.Equal(status, request["status"]!.GetValue<string>());
        Assert.True(request["isFinal"]!.GetValue<bool>());
        Assert.Empty(request["availableActions"]!.AsArray());
        Assert.Equal(history.Length, request["version"]!.GetValue<long>());
        var actual = request["history"]!.AsArray().Select(e => (
            Status: e!["status"]!.GetValue<string>(),
            Action: e["action"]?.GetValue<string>(),
            Actor: e["actor"]!.GetValue<string>(),
            Reason: e["reason"]?.GetValue<string>())).ToList();
        Assert.Equal(history, actual);
        Assert.Equal(
            Enumerable.Range(1, history.Length).Select(v => (long)v),
            request["history"]!.AsArray().Select(e => e!["version"]!.GetValue<long>()));
        Assert.All(actual, e => Assert.Matches("^(CITIZEN|EDUCATION_OFFICER|AGENT|SUPERVISOR)(:| @ )", e.Actor));
    }

    private static object PupilCardInput(string key) => new
    {
        reason = "FIRST_ISSUE",
        centerId = GlobalIds.Center(Tunis),
        idempotencyKey = key,
        applicant = new { givenName = "Yasmine", familyName = "Trabelsi", birthDate = PupilBirthDate },
        pupil = new { schoolCode = "LYC-0042", schoolName = "Lycée pilote de Tunis", grade = "1ère année" },
        guardian = new { fullName = "Mohamed Trabelsi", nationalIdNumber = "04567812", relationship = "father", consentGiven = true },
    };

    private static object AdultCardInput(string key) => new
    {
        reason = "RENEWAL",
        centerId = GlobalIds.Center(Tunis),
        idempotencyKey = key,
        applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = "01234567" },
    };

    private static void AssertPupilWithConsentingGuardian(JsonNode request)
    {
        Assert.True(request["isPupil"]!.GetValue<bool>());
        Assert.Equal("LYC-0042", request["pupil"]!["schoolCode"]!.GetValue<string>());
        Assert.True(request["guardian"]!["consentGiven"]!.GetValue<bool>());
        Assert.Equal("Mohamed Trabelsi", request["guardian"]!["fullName"]!.GetValue<string>());
        Assert.Equal("12", request["guardian"]!["nationalIdNumberMasked"]!.GetValue<string>()[^2..]);
    }

    private const string TunisAgent = "AGENT:agent-tunis";

    /// <summary>The same agent as the request's citizen sees them: role and center, never the identity.</summary>
    private const string TunisAgentSeenByCitizen = "AGENT @ " + Tunis;

    /// <summary>
    /// Takes a submitted card request from verification to delivery: the agent does every desk step,
    /// <paramref name="booker"/> books the appointment, the card goes out through <paramref name="channel"/>.
    /// </summary>
    private async Task<JsonNode> DeliverCard(string id, string agent, string booker, string paymentReference, string channel)
    {
        await Step("startVerification", agent, new { requestId = id }, "VERIFYING");
        await Step("confirmVerification", agent, new { requestId = id }, "AWAITING_PAYMENT");
        await Step("recordPayment", agent, new { requestId = id, paymentReference, amountMillimes = 3000 }, "PAID");
        var booked = await Step("bookAppointment", booker, new { requestId = id, slot = await FreeSlot(Tunis, booker), idempotencyKey = "book-" + paymentReference }, "APPOINTMENT_BOOKED");

        // Biometrics are taken on the appointment's day: the silo's clock moves there.
        api.MovePast(booked["appointment"]!["startsAt"]!.GetValue<DateTimeOffset>());
        await Step("recordBiometrics", agent, new { requestId = id }, "BIOMETRICS_CAPTURED");
        await Step("startProduction", agent, new { requestId = id }, "IN_PRODUCTION");
        await Step("markReadyForDelivery", agent, new { requestId = id }, "READY_FOR_DELIVERY");
        return await Step("confirmDelivery", agent, new { requestId = id, channel, identityCheck = channel == "CENTER" ? "HOLDER_PREVIOUS_CARD" : null }, "DELIVERED");
    }

    /// <summary>The history of a delivered card, written out: who submitted, who booked, the agent for the rest (as the reader sees them).</summary>
    private static (string, string?, string, string?)[] DeliveredCardHistory(string submittedBy, string bookedBy, string agent = TunisAgent) =>
    [
        ("SUBMITTED", null, submittedBy, null),
        ("VERIFYING", "START_VERIFICATION", agent, null),
        ("AWAITING_PAYMENT", "CONFIRM_VERIFICATION", agent, null),
        ("PAID", "RECORD_PAYMENT", agent, null),
        ("APPOINTMENT_BOOKED", "BOOK_APPOINTMENT", bookedBy, null),
        ("BIOMETRICS_CAPTURED", "RECORD_BIOMETRICS", agent, null),
        ("IN_PRODUCTION", "START_PRODUCTION", agent, null),
        ("READY_FOR_DELIVERY", "MARK_READY_FOR_DELIVERY", agent, null),
        ("DELIVERED", "CONFIRM_DELIVERY", agent, null),
    ];

    [Fact]
    public async Task A_pupils_card_submitted_by_a_citizen_with_a_consenting_guardian_is_delivered_at_school()
    {
        var parentSubject = NewSubject("parent");
        var parent = await api.Token("CITIZEN", parentSubject, nationalIdNumber: "04567812");
        var agent = await api.Token("AGENT", "agent-tunis", Tunis);

        var submitted = await Step("submitIdCardRequest", parent, PupilCardInput("pupil-card"), "SUBMITTED");
        AssertPupilWithConsentingGuardian(submitted);
        var id = submitted["id"]!.GetValue<string>();
        await DeliverCard(id, agent, booker: parent, "CASH-P1", "SCHOOL");

        var final = await Read(id, parent);
        var citizen = "CITIZEN:" + parentSubject;
        AssertFinal(final, "DELIVERED", DeliveredCardHistory(submittedBy: citizen, bookedBy: citizen, agent: TunisAgentSeenByCitizen));
        Assert.Equal("SCHOOL", final["deliveryChannel"]!.GetValue<string>());
        AssertPupilWithConsentingGuardian(final);
        Assert.Null(final["documentCode"]);
    }

    [Fact]
    public async Task A_pupils_card_submitted_by_an_education_officer_is_delivered_at_school()
    {
        var officerSubject = NewSubject("edu");
        var officer = await api.Token("EDUCATION_OFFICER", officerSubject);
        var agent = await api.Token("AGENT", "agent-tunis", Tunis);

        var submitted = await Step("submitIdCardRequest", officer, PupilCardInput("campaign-1"), "SUBMITTED");
        AssertPupilWithConsentingGuardian(submitted);
        var id = submitted["id"]!.GetValue<string>();
        // Only a citizen owner books for themself; the school campaign's appointment is booked at the desk.
        await DeliverCard(id, agent, booker: agent, "CASH-E1", "SCHOOL");

        // The officer follows the requests they submitted.
        var final = await Read(id, officer);
        AssertFinal(final, "DELIVERED", DeliveredCardHistory(submittedBy: "EDUCATION_OFFICER:" + officerSubject, bookedBy: TunisAgent));
        Assert.Equal("SCHOOL", final["deliveryChannel"]!.GetValue<string>());
        AssertPupilWithConsentingGuardian(final);
    }

    [Fact]
    public async Task An_adults_card_is_delivered_at_the_center()
    {
        var citizenSubject = NewSubject("cit");
        var citizen = await api.Token("CITIZEN", citizenSubject, nationalIdNumber: "01234567");
        var agent = await api.Token("AGENT", "agent-tunis", Tunis);

        var submitted = await Step("submitIdCardRequest", citizen, AdultCardInput("card-1"), "SUBMITTED");
        var id = submitted["id"]!.GetValue<string>();
        Assert.StartsWith("CIN-", submitted["reference"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("NATIONAL_ID_CARD", submitted["kind"]!.GetValue<string>());
        Assert.False(submitted["isPupil"]!.GetValue<bool>());
        Assert.Equal(["CANCEL_REQUEST"], submitted["availableActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        // A retried click (same idempotency key) answers with the same request, not a second one.
        var retried = await Step("submitIdCardRequest", citizen, AdultCardInput("card-1"), "SUBMITTED");
        Assert.Equal(id, retried["id"]!.GetValue<string>());

        var delivered = await DeliverCard(id, agent, booker: citizen, "CASH-0001", "CENTER");
        Assert.Empty(delivered["availableActions"]!.AsArray());

        var final = await Read(id, citizen);
        var owner = "CITIZEN:" + citizenSubject;
        AssertFinal(final, "DELIVERED", DeliveredCardHistory(submittedBy: owner, bookedBy: owner, agent: TunisAgentSeenByCitizen));
        Assert.Equal("CENTER", final["deliveryChannel"]!.GetValue<string>());
        Assert.Equal(Tunis, final["center"]!["code"]!.GetValue<string>());
        Assert.Null(final["pupil"]);
        Assert.Null(final["documentCode"]);

        var node = await api.GraphQL("query($id: ID!) { node(id: $id) { id ... on CitizenRequest { status } } }", new { id }, citizen);
        Assert.Equal(id, node["data"]!["node"]!["id"]!.GetValue<string>());
        Assert.Equal("DELIVERED", node["data"]!["node"]!["status"]!.GetValue<string>());
    }

    private static object BulletinInput(string center, string key) => new
    {
        centerId = GlobalIds.Center(center),
        purpose = "Job application",
        idempotencyKey = key,
        applicant = new { givenName = "Youssef", familyName = "Haddad", birthDate = "1988-11-30", nationalIdNumber = "07654321" },
    };

    /// <summary>Submits a bulletin no. 3 and takes it to the record check, where it is issued or referred.</summary>
    private async Task<string> BulletinAtRecordCheck(string center, string citizen, string agent)
    {
        var submitted = await Step("submitCriminalRecordRequest", citizen, BulletinInput(center, "bulletin-1"), "SUBMITTED");
        Assert.Equal("CRIMINAL_RECORD_EXTRACT", submitted["kind"]!.GetValue<string>());
        var id = submitted["id"]!.GetValue<string>();
        await Step("startVerification", agent, new { requestId = id }, "VERIFYING");
        await Step("confirmVerification", agent, new { requestId = id }, "AWAITING_PAYMENT");
        await Step("recordPayment", agent, new { requestId = id, paymentReference = "EPAY-77", amountMillimes = 3000 }, "PAID");
        await Step("startRecordCheck", agent, new { requestId = id }, "RECORD_CHECK");
        return id;
    }

    [Fact]
    public async Task A_bulletin_no_3_is_issued_and_verified_with_the_holders_birth_date()
    {
        var citizenSubject = NewSubject("cit");
        var citizen = await api.Token("CITIZEN", citizenSubject, nationalIdNumber: "07654321");
        var agent = await api.Token("AGENT", "agent-judicial", TunisJudicial);
        var id = await BulletinAtRecordCheck(TunisJudicial, citizen, agent);
        var issued = await Step("issueExtract", agent, new { requestId = id }, "ISSUED");
        Assert.Null(issued["documentCode"]); // the agent took the step, and the code is the owner's alone

        var final = await Read(id, citizen);
        const string Agent = "AGENT @ " + TunisJudicial; // as the citizen sees the agent
        AssertFinal(final, "ISSUED",
            ("SUBMITTED", null, "CITIZEN:" + citizenSubject, null),
            ("VERIFYING", "START_VERIFICATION", Agent, null),
            ("AWAITING_PAYMENT", "CONFIRM_VERIFICATION", Agent, null),
            ("PAID", "RECORD_PAYMENT", Agent, null),
            ("RECORD_CHECK", "START_RECORD_CHECK", Agent, null),
            ("ISSUED", "ISSUE_EXTRACT", Agent, null));
        Assert.Null(final["deliveryChannel"]);
        var code = final["documentCode"]!.GetValue<string>();
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$", code);
        Assert.Null((await Read(id, agent))["documentCode"]);

        const string Verify = "query($c: String!, $d: Date!) { verifyDocument(code: $c, holderBirthDate: $d) { status kind holderName issuedOn validUntil } }";
        var ok = await api.GraphQL(Verify, new { c = code, d = "1988-11-30" });
        Assert.Null(ok["errors"]);
        var verified = ok["data"]!["verifyDocument"]!;
        Assert.Equal("VALID", verified["status"]!.GetValue<string>());
        Assert.Equal("CRIMINAL_RECORD_EXTRACT", verified["kind"]!.GetValue<string>());
        Assert.Equal("Youssef Haddad", verified["holderName"]!.GetValue<string>());

        // A wrong birth date learns nothing: no document, and no error that would tell the code exists.
        var wrong = await api.GraphQL(Verify, new { c = code, d = "1988-12-01" });
        Assert.Null(wrong["errors"]);
        Assert.Null(wrong["data"]!["verifyDocument"]);
    }

    [Fact]
    public async Task A_bulletin_no_3_is_referred_to_the_in_person_procedure_with_its_reason()
    {
        var citizenSubject = NewSubject("cit");
        var citizen = await api.Token("CITIZEN", citizenSubject, nationalIdNumber: "07654321");
        var agent = await api.Token("AGENT", "agent-model", TunisModel);
        var id = await BulletinAtRecordCheck(TunisModel, citizen, agent);
        const string Reason = "The record needs a clerk's review: come to the court registry.";
        await Step("referRequest", agent, new { requestId = id, reason = Reason }, "REFERRED");

        var final = await Read(id, citizen);
        const string Agent = "AGENT @ " + TunisModel; // as the citizen sees the agent
        AssertFinal(final, "REFERRED",
            ("SUBMITTED", null, "CITIZEN:" + citizenSubject, null),
            ("VERIFYING", "START_VERIFICATION", Agent, null),
            ("AWAITING_PAYMENT", "CONFIRM_VERIFICATION", Agent, null),
            ("PAID", "RECORD_PAYMENT", Agent, null),
            ("RECORD_CHECK", "START_RECORD_CHECK", Agent, null),
            ("REFERRED", "REFER_REQUEST", Agent, Reason));
        Assert.Equal(TunisModel, final["center"]!["code"]!.GetValue<string>());
        Assert.Null(final["documentCode"]);
    }
}
