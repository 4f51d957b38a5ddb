using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Outbox;
using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Requests.Index;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Campaigns;

/// <summary>
/// The campaign's counters move only from request events (through the outbox), and equal a recount from the request read
/// model: after a run of pupil requests in several statuses, and after every request's events are delivered twice more.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CampaignCounterTests(ApiFactory api)
{
    private const string Tunis = "TN11-GU1";

    [Fact]
    public async Task Counters_equal_a_recount_from_the_requests_after_a_run_and_after_replaying_the_events_twice()
    {
        var officerSubject = CampaignApi.NewCode("edu");
        var officer = await api.Token("EDUCATION_OFFICER", officerSubject);
        var agent = await api.Token("AGENT", "agent-tunis", Tunis);
        var (a, b, outside) = (CampaignApi.NewCode("LYC"), CampaignApi.NewCode("LYC"), CampaignApi.NewCode("LYC"));
        var campaign = await CampaignApi.CreateOk(api, officer, [CampaignApi.School(a, "TUNIS", 4), CampaignApi.School(b, "TUNIS", 3)]);
        var campaignId = campaign["id"]!.GetValue<string>();

        // Six pupils of the campaign's schools and one of a school outside it, taken to different steps.
        var requests = new List<string>();
        foreach (var (school, i) in new[] { a, a, a, a, b, b, outside }.Select((s, i) => (s, i)))
        {
            requests.Add((await Step("submitIdCardRequest", officer, PupilCard(school, $"counter-{school}-{i}"), "SUBMITTED"))["id"]!.GetValue<string>());
        }

        await ToPaid(agent, requests[0]);
        await ToPaid(agent, requests[1]);
        await Step("bookAppointment", agent, new { requestId = requests[1], slot = await FreeSlot(agent), idempotencyKey = "book-" + requests[1][..10] }, "APPOINTMENT_BOOKED");
        await ToPaid(agent, requests[4]);
        await ToPaid(agent, requests[6]);
        await Step("startVerification", agent, new { requestId = requests[5] }, "VERIFYING");
        await Step("rejectRequest", agent, new { requestId = requests[5], reason = "The pupil is not enrolled at this school." }, "REJECTED");

        var counted = await CampaignApi.ReadUntil(api, officer, campaignId, c =>
            c["progress"]!["started"]!.GetValue<int>() == 6 && c["progress"]!["paid"]!.GetValue<int>() == 3 && c["progress"]!["booked"]!.GetValue<int>() == 1);
        var recount = await Recount(officerSubject, [a, b]);
        Assert.Equal(recount, Figures(counted));
        Assert.Equal((6, 3, 1, 0, 0), recount[""]);
        Assert.Equal((4, 2, 1, 0, 0), recount[a]);
        Assert.Equal((2, 1, 0, 0, 0), recount[b]);
        Assert.Equal(7, counted["progress"]!["target"]!.GetValue<int>());

        // Every request's events delivered twice more, as a relay does after a crash before its checkpoint: nothing counts twice.
        var events = await EventsOf(officerSubject);
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        await CampaignCounting.Count(grains, events);
        await CampaignCounting.Count(grains, events.AsEnumerable().Reverse().ToList());
        var replayed = await CampaignApi.Read(api, officer, campaignId);
        Assert.Equal(recount, Figures(replayed));
    }

    /// <summary>Started, paid, booked, biometrics, delivered, in total ("") and per school, counted from the read model's documents.</summary>
    private async Task<Dictionary<string, (int, int, int, int, int)>> Recount(string officerSubject, string[] schools)
    {
        var documents = (await Documents(officerSubject)).Where(d => d.Pupil is { } p && schools.Contains(p.SchoolCode)).ToList();
        (int, int, int, int, int) Of(IEnumerable<CitizenRequestView> requests)
        {
            bool Reached(CitizenRequestView r, params RequestStatus[] statuses) => r.History.Any(h => statuses.Contains(h.Status));
            var list = requests.ToList();
            RequestStatus[] delivered = [RequestStatus.Delivered];
            RequestStatus[] biometrics = [.. delivered, RequestStatus.BiometricsCaptured, RequestStatus.InProduction, RequestStatus.ReadyForDelivery];
            RequestStatus[] booked = [.. biometrics, RequestStatus.AppointmentBooked];
            RequestStatus[] paid = [.. booked, RequestStatus.Paid];
            return (list.Count, list.Count(r => Reached(r, paid)), list.Count(r => Reached(r, booked)), list.Count(r => Reached(r, biometrics)),
                list.Count(r => Reached(r, delivered)));
        }

        var result = schools.ToDictionary(s => s, s => Of(documents.Where(d => d.Pupil!.SchoolCode == s)));
        result[""] = Of(documents);
        return result;
    }

    private static Dictionary<string, (int, int, int, int, int)> Figures(JsonNode campaign)
    {
        static (int, int, int, int, int) Of(JsonNode n) => (n["started"]!.GetValue<int>(), n["paid"]!.GetValue<int>(), n["booked"]!.GetValue<int>(),
            n["biometricsTaken"]!.GetValue<int>(), n["delivered"]!.GetValue<int>());
        var progress = campaign["progress"]!;
        var result = progress["bySchool"]!.AsArray().ToDictionary(s => s!["schoolCode"]!.GetValue<string>(), s => Of(s!));
        result[""] = Of(progress);
        return result;
    }

    private async Task<IReadOnlyList<CitizenRequestView>> Documents(string officerSubject)
    {
        var index = api.Services.GetRequiredService<IRequestIndex>();
        var page = await index.QueryAsync(new KeysetQuery<RequestFilter, RequestOrder>(
            new RequestFilter(OwnerSubject: officerSubject, IsPupil: true), RequestOrder.Default, First: 100));
        return page.Items.Select(e => e.Document!).ToList();
    }

    /// <summary>Each request's submission and latest step, as the outbox carries them.</summary>
    private async Task<List<OutboxEvent>> EventsOf(string officerSubject)
    {
        var events = new List<OutboxEvent>();
        foreach (var request in await Documents(officerSubject))
        {
            var key = request.Id.ToString();
            events.Add(OutboxEvent.Of(AggregateTypes.CitizenRequest, key, new RequestSubmitted("replay", 1, request.SubmittedAt, request)));
            var last = request.History[^1];
            events.Add(OutboxEvent.Of(AggregateTypes.CitizenRequest, key,
                new RequestStatusChanged(request.History.Count > 1 ? request.History[^2].Status : last.Status, last.Status,
                    RequestAction.RejectRequest, null, "replay", request.Version, request.UpdatedAt, request)));
        }

        return events;
    }

    private async Task ToPaid(string agent, string id)
    {
        await Step("startVerification", agent, new { requestId = id }, "VERIFYING");
        await Step("confirmVerification", agent, new { requestId = id }, "AWAITING_PAYMENT");
        await Step("recordPayment", agent, new { requestId = id, paymentReference = "CASH-" + id[..12], amountMillimes = 3000 }, "PAID");
    }

    private async Task<string> FreeSlot(string token)
    {
        var today = Actors.Contracts.Scheduling.TunisTime.DayOf(DateTimeOffset.UtcNow);
        var result = await api.GraphQL(
            "query($c: ID!, $from: Date!, $to: Date!) { availableSlots(centerId: $c, service: NATIONAL_ID_CARD, from: $from, to: $to, first: 1) { nodes { id } } }",
            new { c = GlobalIds.Center(Tunis), from = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = today.AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            token);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!["availableSlots"]!["nodes"]![0]!["id"]!.GetValue<string>();
    }

    private static object PupilCard(string school, string key) => new
    {
        reason = "FIRST_ISSUE",
        centerId = GlobalIds.Center(Tunis),
        idempotencyKey = key,
        applicant = new { givenName = "Yasmine", familyName = "Trabelsi", birthDate = DateTime.UtcNow.AddYears(-15).AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        pupil = new { schoolCode = school, schoolName = "École " + school, grade = "1ère année" },
        guardian = new { fullName = "Mohamed Trabelsi", nationalIdNumber = "04567812", relationship = "father", consentGiven = true },
    };

    private async Task<JsonNode> Step(string mutation, string token, object input, string expectedStatus)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await api.GraphQL(
            $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ id status }} errors {{ __typename ... on Error {{ code message }} }} }} }}",
            new { @in = input }, token);
        Assert.True(result["errors"] is null, $"{mutation}: {result["errors"]?.ToJsonString()}");
        var payload = result["data"]![mutation]!;
        Assert.True(payload["errors"] is null, $"{mutation}: {payload["errors"]?.ToJsonString()}");
        Assert.Equal(expectedStatus, payload["request"]!["status"]!.GetValue<string>());
        return payload["request"]!;
    }
}
