using System.Globalization;
using System.Text.Json;
using Actors.Tests.Faults;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Appointments;

/// <summary>
/// Bookings on PostgreSQL with two silo processes, one killed (<c>kill -9</c>) while many citizens book the same slot
/// and retry with their idempotency keys: the slot never holds more people than its desks, every booked request has
/// its seat and every seat a booked request, and once the holds' lifetime has passed no hold is left (a hold taken
/// on the killed silo, or by a request whose turn died with it, went back to the pool by itself).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BookingCrashTests(PostgresServer server)
{
    private const int Citizens = 30;

    private static readonly Dictionary<string, string> ShortHolds = new(StringComparer.Ordinal)
    {
        ["Appointments__HoldLifetime"] = "00:00:05",
    };

    [Fact]
    public async Task A_silo_killed_during_a_rush_on_one_slot_leaves_no_overbooking_and_no_orphan_hold()
    {
        await using var scenario = await FaultScenario.CreateAsync(server, "booking-crash", settings: ShortHolds);
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            await scenario.Cluster.StartSilosAsync(2, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            var api = scenario.Api;
            await Eventually.Async(async () => (await api.PostAsync("{ centers(first: 1) { totalCount } }", cancellationToken: cancel))["data"]?["centers"]?["totalCount"]?.GetValue<int>() > 0,
                TimeSpan.FromSeconds(60), "the demo centers are seeded");

            var workload = await scenario.WorkloadAsync("booking");
            await workload.RunAsync(4, n => n < Citizens, cancel);
            var cases = workload.Cases.ToList();
            Assert.All(cases, c => Assert.Null(c.Failure));
            var agent = await api.TokenAsync("AGENT", FaultScenario.AgentSubject, FaultScenario.Center, cancellationToken: cancel);
            foreach (var c in cases)
            {
                var paid = await api.PostAsync(
                    "mutation($in: RecordPaymentInput!) { recordPayment(input: $in) { request { status } errors { ... on Error { code } } } }",
                    new { @in = new { requestId = c.Id, paymentReference = "CASH-" + c.Number.ToString(CultureInfo.InvariantCulture), amountMillimes = 3000 } },
                    agent, cancel);
                Assert.Equal("PAID", paid["data"]?["recordPayment"]?["request"]?["status"]?.GetValue<string>());
            }

            var (slot, desks) = await FirstSlot(api, agent, cancel);

            // Everyone books the same slot at once, as the agent at the desk would for each, retrying a lost answer with the same key.
            var bookings = cases.Select(c => Book(api, agent, c.Id!, slot, cancel)).ToList();
            await scenario.Cluster.KillSiloAsync(1);
            var outcomes = await Task.WhenAll(bookings);

            Assert.All(outcomes, o => Assert.True(o is "APPOINTMENT_BOOKED" or "SLOT_FULL", o));
            var booked = outcomes.Count(o => o == "APPOINTMENT_BOOKED");
            Assert.InRange(booked, 1, desks);

            // After the holds' lifetime (and the reminder that stands in for a dead silo's timers), only bookings remain.
            await Eventually.Async(async () => (await Seats(scenario)).All(s => s.Status == "Booked"), TimeSpan.FromMinutes(3), "no hold is left");
            var seats = await Seats(scenario);
            Assert.Equal(booked, seats.Count);
            foreach (var c in cases)
            {
                var request = (await api.PostAsync("query($id: ID!) { request(id: $id) { status appointment { startsAt } } }", new { id = c.Id }, agent, cancel))["data"]!["request"]!;
                var hasSeat = seats.Any(s => s.RequestId == FaultScenario.GlobalIdKey(c.Id!));
                Assert.Equal(request["status"]!.GetValue<string>() == "APPOINTMENT_BOOKED", hasSeat);
            }
        });
    }

    private static async Task<(string Slot, int Desks)> FirstSlot(GraphQLHttpClient api, string token, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var result = await api.PostAsync(
            "query($c: ID!, $from: Date!, $to: Date!) { availableSlots(centerId: $c, service: NATIONAL_ID_CARD, from: $from, to: $to, first: 1) { nodes { id desks remaining } } }",
            new
            {
                c = GlobalIds.Center(FaultScenario.Center),
                from = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                to = today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            token, cancel);
        var node = result["data"]!["availableSlots"]!["nodes"]![0]!;
        Assert.Equal(node["desks"]!.GetValue<int>(), node["remaining"]!.GetValue<int>());
        Assert.True(node["desks"]!.GetValue<int>() < Citizens, "the slot has fewer desks than citizens");
        return (node["id"]!.GetValue<string>(), node["desks"]!.GetValue<int>());
    }

    /// <summary>The status a booking ends in, or its refusal code; a transport or GraphQL error is retried with the same key.</summary>
    private static async Task<string> Book(GraphQLHttpClient api, string token, string requestId, string slot, CancellationToken cancel)
    {
        var key = "book-" + FaultScenario.GlobalIdKey(requestId);
        string? problem = null;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            try
            {
                var result = await api.PostAsync(
                    "mutation($in: BookAppointmentInput!) { bookAppointment(input: $in) { request { status } errors { ... on Error { code } } } }",
                    new { @in = new { requestId, slot, idempotencyKey = key } }, token, cancel);
                var payload = result["data"]?["bookAppointment"];
                if (payload?["request"]?["status"]?.GetValue<string>() is { } status)
                {
                    return status;
                }

                if (payload?["errors"]?.AsArray() is [{ } first, ..])
                {
                    return first["code"]!.GetValue<string>();
                }

                problem = result.ToJsonString();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                problem = ex.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancel);
        }

        return "gave up: " + problem;
    }

    private sealed record Seat(string RequestId, string Status);

    /// <summary>Every seat of every day schedule, read from the grains' stored state.</summary>
    private static async Task<List<Seat>> Seats(FaultScenario scenario)
    {
        var seats = new List<Seat>();
        foreach (var payload in await scenario.ScalarsAsync<string>(
            "SELECT convert_from(payload, 'UTF8') FROM orleans_storage WHERE grain_type = 'center-day-schedule' AND payload IS NOT NULL"))
        {
            using var json = JsonDocument.Parse(payload);
            foreach (var seat in json.RootElement.GetProperty("Seats").EnumerateArray())
            {
                var status = seat.GetProperty("Status");
                seats.Add(new Seat(
                    seat.GetProperty("RequestId").GetGuid().ToString("D"),
                    status.ValueKind == JsonValueKind.Number ? ((Contracts.Scheduling.SeatStatus)status.GetInt32()).ToString() : status.GetString()!));
            }
        }

        return seats;
    }
}
