using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Api.Demo;
using Actors.Contracts.Requests;
using Actors.Tests.Faults;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;

namespace Actors.Tests.Campaigns;

/// <summary>
/// The consumer "campaign-counters" on PostgreSQL, in a cluster as operators run it (two silo processes and the API):
/// pupils' requests are taken to every milestone (paid, booked, biometrics, delivered, some rejected) while one silo is
/// killed hard; afterwards the campaign's progress equals a recount from the request read model (nothing lost, nothing
/// counted twice), and still does after the consumer's position is reset twice, so that every event is delivered again.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PostgresCampaignCounterTests(PostgresServer server)
{
    private const string Consumer = "campaign-counters";
    private const int Pupils = 24;

    // The milestone each pupil's request is taken to, by its position: every milestone is reached by some requests.
    private static readonly string[] Plan = ["SUBMITTED", "REJECTED", "PAID", "APPOINTMENT_BOOKED", "BIOMETRICS_CAPTURED", "DELIVERED"];

    [Fact]
    public async Task Counters_equal_a_recount_after_a_silo_killed_mid_load_and_after_every_event_is_delivered_twice_more()
    {
        // The silos' "now" is early on a working morning, so that the appointments booked today are also today's
        // biometrics (taken on the appointment's day) without a cluster restart.
        var morning = WorkingMorning();
        await using var scenario = await FaultScenario.CreateAsync(server, "campaign-counters",
            settings: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Clock__Offset"] = (morning - DateTimeOffset.UtcNow).ToString("c", CultureInfo.InvariantCulture),
            });
        await scenario.RunAsync(async () =>
        {
            var cancel = scenario.Cancel;
            var api = scenario.Api;
            await scenario.Cluster.StartSilosAsync(2, cancel);
            await scenario.Cluster.StartApiAsync(seedDemo: true, cancel);
            await Eventually.Async(async () => (await api.PostAsync("{ centers(first: 1) { totalCount } }", cancellationToken: cancel))["data"]?["centers"]?["totalCount"]?.GetValue<int>() > 0,
                TimeSpan.FromSeconds(60), "the demo centers are seeded");

            var officer = await api.TokenAsync("EDUCATION_OFFICER", "edu-pg-counters", cancellationToken: cancel);
            var agent = await api.TokenAsync("AGENT", FaultScenario.AgentSubject, FaultScenario.Center, cancellationToken: cancel);
            var (a, b, outside) = (CampaignApi.NewCode("LYC"), CampaignApi.NewCode("LYC"), CampaignApi.NewCode("LYC"));
            var campaignId = await CreateCampaign(api, officer, a, b, cancel);
            var slots = await TodaysSlots(api, agent, DateOnly.FromDateTime(morning.ToOffset(TimeSpan.FromHours(1)).DateTime), cancel);

            // Pupils of the two schools and a few of a school outside the campaign, each taken to its planned milestone,
            // four at a time; silo 1 is killed (kill -9) once a third of the steps are acknowledged.
            var pupils = Enumerable.Range(0, Pupils).Select(i => new Pupil(i, i % 10 == 9 ? outside : i % 2 == 0 ? a : b, Plan[i % Plan.Length])).ToList();
            var bookers = pupils.Where(p => StepsTo(p.Target) >= StepsTo("APPOINTMENT_BOOKED")).Select((p, n) => (p.Index, n)).ToDictionary(x => x.Index, x => slots[x.n % slots.Count]);
            var acknowledged = 0;
            var killAfter = pupils.Sum(p => StepsTo(p.Target)) / 3;
            var killed = 0;
            var work = new ConcurrentQueue<Pupil>(pupils);
            async Task Worker()
            {
                while (work.TryDequeue(out var pupil))
                {
                    await TakeTo(api, officer, agent, pupil, bookers.GetValueOrDefault(pupil.Index, ""), async () =>
                    {
                        if (Interlocked.Increment(ref acknowledged) >= killAfter && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            await scenario.Cluster.KillSiloAsync(1);
                        }
                    }, cancel);
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Worker()));
            Assert.Equal(1, killed);

            // What the plan says each school has reached, independently of both the counters and the read model.
            var expected = Expected(pupils, a, b);
            var recount = new Dictionary<string, Figures>(StringComparer.Ordinal);
            await Eventually.Async(async () =>
            {
                recount = await Recount(scenario, [a, b]);
                return recount.Count == 3 && recount.All(r => expected[r.Key] == r.Value);
            }, TimeSpan.FromSeconds(90), "the request read model holds every acknowledged step");

            JsonNode campaign = null!;
            await Eventually.Async(async () =>
            {
                campaign = await ReadCampaign(api, officer, campaignId, cancel);
                return FiguresOf(campaign).SequenceEqual(recount.OrderBy(r => r.Key, StringComparer.Ordinal));
            }, TimeSpan.FromSeconds(90), "the campaign's counters equal the recount");
            Assert.Equal(expected.OrderBy(r => r.Key, StringComparer.Ordinal), FiguresOf(campaign));
            var version = campaign["version"]!.GetValue<long>();

            // Every event delivered again, twice: the checkpoint back to the start, then the relay through to the end.
            for (var replay = 1; replay <= 2; replay++)
            {
                var before = (await scenario.ScalarsAsync<DateTime>($"SELECT updated_at FROM outbox_checkpoint WHERE consumer = '{Consumer}'")).Single();
                var reset = await scenario.ScalarsAsync<long>(
                    $"WITH r AS (UPDATE outbox_checkpoint SET last_tx = '0', last_seq = 0 WHERE consumer = '{Consumer}' RETURNING 1) SELECT count(*) FROM r");
                Assert.Equal(1, reset.Single());
                await Eventually.Async(async () => (await scenario.ScalarsAsync<bool>($"""
                        SELECT NOT EXISTS (SELECT 1 FROM outbox AS o, outbox_checkpoint AS c
                          WHERE c.consumer = '{Consumer}' AND (o.tx_id, o.seq) > (c.last_tx, c.last_seq))
                          AND (SELECT updated_at FROM outbox_checkpoint WHERE consumer = '{Consumer}') > '{before:O}'::timestamptz
                        """)).Single(),
                    TimeSpan.FromSeconds(60), $"replay {replay} reaches the end of the outbox");

                var replayed = await ReadCampaign(api, officer, campaignId, cancel);
                Assert.Equal(recount.OrderBy(r => r.Key, StringComparer.Ordinal), FiguresOf(replayed));

                // Nothing new was counted, so the campaign was not even written again.
                Assert.Equal(version, replayed["version"]!.GetValue<long>());
            }
        });
    }

    /// <summary>Started, paid, booked, biometrics taken, delivered: cumulative milestones, as the campaign counts them.</summary>
    private sealed record Figures(int Started, int Paid, int Booked, int Biometrics, int Delivered);

    private sealed record Pupil(int Index, string School, string Target);

    /// <summary>07:30 in Tunis on a Monday to Thursday at least two days ahead that is no public holiday, as a UTC instant.</summary>
    private static DateTimeOffset WorkingMorning()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        while (day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday
               || DemoHolidays.Of(day.Year).Any(h => h.Date == day))
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero);
    }

    private static int StepsTo(string target) => target switch
    {
        "SUBMITTED" => 1,
        "REJECTED" => 3,
        "PAID" => 4,
        "APPOINTMENT_BOOKED" => 5,
        "BIOMETRICS_CAPTURED" => 6,
        _ => 9,
    };

    private static async Task TakeTo(GraphQLHttpClient api, string officer, string agent, Pupil pupil, string slot, Func<Task> acknowledged, CancellationToken cancel)
    {
        var key = $"pg-counter-{pupil.Index.ToString(CultureInfo.InvariantCulture)}";
        var id = (await Step(api, officer, "submitIdCardRequest", PupilCard(pupil.School, key), "SUBMITTED", null, cancel))["id"]!.GetValue<string>();
        await acknowledged();
        async Task To(string mutation, object input, string status, string? token = null)
        {
            await Step(api, token ?? agent, mutation, input, status, id, cancel);
            await acknowledged();
        }

        if (pupil.Target == "SUBMITTED")
        {
            return;
        }

        await To("startVerification", new { requestId = id }, "VERIFYING");
        if (pupil.Target == "REJECTED")
        {
            await To("rejectRequest", new { requestId = id, reason = "The pupil is not enrolled at this school." }, "REJECTED");
            return;
        }

        await To("confirmVerification", new { requestId = id }, "AWAITING_PAYMENT");
        await To("recordPayment", new { requestId = id, paymentReference = "CASH-" + key, amountMillimes = 3000 }, "PAID");
        if (pupil.Target == "PAID")
        {
            return;
        }

        await To("bookAppointment", new { requestId = id, slot, idempotencyKey = "book-" + key }, "APPOINTMENT_BOOKED");
        if (pupil.Target == "APPOINTMENT_BOOKED")
        {
            return;
        }

        await To("recordBiometrics", new { requestId = id }, "BIOMETRICS_CAPTURED");
        if (pupil.Target == "BIOMETRICS_CAPTURED")
        {
            return;
        }

        await To("startProduction", new { requestId = id }, "IN_PRODUCTION");
        await To("markReadyForDelivery", new { requestId = id }, "READY_FOR_DELIVERY");
        await To("confirmDelivery", new { requestId = id, channel = "SCHOOL" }, "DELIVERED");
    }

    /// <summary>
    /// One step, retried while a silo dies: an answer lost with the silo may still have been committed, so before a retry
    /// the request is read, and a step already taken counts as acknowledged (steps are not taken twice).
    /// </summary>
    private static async Task<JsonNode> Step(GraphQLHttpClient api, string token, string mutation, object input, string status, string? id, CancellationToken cancel)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        JsonNode? last = null;
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            try
            {
                last = await api.PostAsync(
                    $"mutation($in: {inputType}!) {{ {mutation}(input: $in) {{ request {{ id status }} errors {{ __typename ... on Error {{ code message }} }} }} }}",
                    new { @in = input }, token, cancel);
                if (last["data"]?[mutation]?["request"] is { } request && request["status"]?.GetValue<string>() == status)
                {
                    return request;
                }

                if (id is not null && await StatusOf(api, token, id, cancel) == status)
                {
                    return new JsonObject { ["id"] = id, ["status"] = status };
                }
            }
            catch (HttpRequestException)
            {
                // The API's silo connection broke with the killed silo: try again.
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                // A call that waited on the dead silo until the response timeout: try again.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        }

        Assert.Fail($"{mutation} never reached {status}: {last?.ToJsonString()}");
        return null!;
    }

    private static async Task<string?> StatusOf(GraphQLHttpClient api, string token, string id, CancellationToken cancel) =>
        (await api.PostAsync("query($id: ID!) { request(id: $id) { status } }", new { id }, token, cancel))["data"]?["request"]?["status"]?.GetValue<string>();

    private static object PupilCard(string school, string key) => new
    {
        reason = "FIRST_ISSUE",
        centerId = GlobalIds.Center(FaultScenario.Center),
        idempotencyKey = key,
        applicant = new { givenName = "Yasmine", familyName = "Trabelsi", birthDate = DateTime.UtcNow.AddYears(-15).AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        pupil = new { schoolCode = school, schoolName = "École " + school, grade = "1ère année" },
        guardian = new { fullName = "Mohamed Trabelsi", nationalIdNumber = "04567812", relationship = "father", consentGiven = true },
    };

    private static async Task<string> CreateCampaign(GraphQLHttpClient api, string officer, string a, string b, CancellationToken cancel)
    {
        var result = await api.PostAsync(
            "mutation($in: CreateCampaignInput!) { createCampaign(input: $in) { campaign { id } errors { __typename ... on Error { code message } } } }",
            new
            {
                @in = new
                {
                    name = "Carte d'identité des élèves — PostgreSQL",
                    schoolYear = "2026-2027",
                    startsOn = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    endsOn = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    governorates = new[] { "TUNIS" },
                    schools = new[] { CampaignApi.School(a, "TUNIS", 20), CampaignApi.School(b, "TUNIS", 20) },
                    idempotencyKey = "pg-counters",
                },
            },
            officer, cancel);
        Assert.True(result["errors"] is null && result["data"]!["createCampaign"]!["errors"] is null, result.ToJsonString());
        return result["data"]!["createCampaign"]!["campaign"]!["id"]!.GetValue<string>();
    }

    /// <summary>Slots of the demo center on the silos' today, to spread the bookings over (a slot has as many places as desks).</summary>
    private static async Task<List<string>> TodaysSlots(GraphQLHttpClient api, string agent, DateOnly today, CancellationToken cancel)
    {
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var result = await api.PostAsync(
            "query($c: ID!, $d: Date!) { availableSlots(centerId: $c, service: NATIONAL_ID_CARD, from: $d, to: $d, first: 30) { nodes { id } } }",
            new { c = GlobalIds.Center(FaultScenario.Center), d = day }, agent, cancel);
        var slots = result["data"]?["availableSlots"]?["nodes"]?.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList() ?? [];
        Assert.True(slots.Count > 0, $"no slot on {day}: {result.ToJsonString()}");
        return slots;
    }

    private static async Task<JsonNode> ReadCampaign(GraphQLHttpClient api, string officer, string id, CancellationToken cancel)
    {
        var result = await api.PostAsync(
            "query($id: ID!) { campaign(id: $id) { version progress { started paid booked biometricsTaken delivered bySchool { schoolCode started paid booked biometricsTaken delivered } } } }",
            new { id }, officer, cancel);
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["campaign"]!;
    }

    /// <summary>The campaign's figures in total ("") and per school, ordered by key.</summary>
    private static List<KeyValuePair<string, Figures>> FiguresOf(JsonNode campaign)
    {
        static Figures Of(JsonNode n) => new(n["started"]!.GetValue<int>(), n["paid"]!.GetValue<int>(), n["booked"]!.GetValue<int>(),
            n["biometricsTaken"]!.GetValue<int>(), n["delivered"]!.GetValue<int>());
        var progress = campaign["progress"]!;
        return progress["bySchool"]!.AsArray().Select(s => KeyValuePair.Create(s!["schoolCode"]!.GetValue<string>(), Of(s!)))
            .Append(KeyValuePair.Create("", Of(progress)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, Figures> Expected(IReadOnlyList<Pupil> pupils, string a, string b)
    {
        static Figures Of(IEnumerable<Pupil> group)
        {
            var targets = group.Select(p => Array.IndexOf(Plan, p.Target)).ToList();
            return new Figures(targets.Count, targets.Count(t => t >= 2), targets.Count(t => t >= 3), targets.Count(t => t >= 4), targets.Count(t => t == 5));
        }

        return new Dictionary<string, Figures>(StringComparer.Ordinal)
        {
            [""] = Of(pupils.Where(p => p.School == a || p.School == b)),
            [a] = Of(pupils.Where(p => p.School == a)),
            [b] = Of(pupils.Where(p => p.School == b)),
        };
    }

    /// <summary>The figures recounted from the request index's documents (the read model): each request's history says what it reached.</summary>
    private static async Task<Dictionary<string, Figures>> Recount(FaultScenario scenario, string[] schools)
    {
        var rows = await scenario.ScalarsAsync<string>(
            $"SELECT school_code || '|' || document::text FROM request_index WHERE is_pupil AND document IS NOT NULL AND school_code IN ('{string.Join("','", schools)}')");
        var reached = rows.Select(r =>
        {
            var school = r[..r.IndexOf('|', StringComparison.Ordinal)];
            using var document = JsonDocument.Parse(r[(school.Length + 1)..]);
            var statuses = document.RootElement.GetProperty("history").EnumerateArray()
                .Select(h => Enum.Parse<RequestStatus>(h.GetProperty("status").GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true))
                .ToHashSet();
            return (School: school, Statuses: statuses);
        }).ToList();

        static Figures Of(IEnumerable<(string School, HashSet<RequestStatus> Statuses)> group)
        {
            RequestStatus[] delivered = [RequestStatus.Delivered];
            RequestStatus[] biometrics = [.. delivered, RequestStatus.BiometricsCaptured, RequestStatus.InProduction, RequestStatus.ReadyForDelivery];
            RequestStatus[] booked = [.. biometrics, RequestStatus.AppointmentBooked];
            RequestStatus[] paid = [.. booked, RequestStatus.Paid];
            var list = group.ToList();
            return new Figures(list.Count, list.Count(r => r.Statuses.Overlaps(paid)), list.Count(r => r.Statuses.Overlaps(booked)),
                list.Count(r => r.Statuses.Overlaps(biometrics)), list.Count(r => r.Statuses.Overlaps(delivered)));
        }

        var result = schools.ToDictionary(s => s, s => Of(reached.Where(r => r.School == s)), StringComparer.Ordinal);
        result[""] = Of(reached);
        return result;
    }
}
