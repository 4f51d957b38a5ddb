using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Actors.TestSupport;

namespace Actors.Bench;

/// <summary>
/// Bookings through the API: paid card requests (prepared first, not measured), then N clients book free slots with
/// an idempotency key each, over HTTP GraphQL. "Hot": every request at one center, so every booking goes through the
/// few day schedules of its first free slots. "Spread": the requests spread over every demo center that takes card
/// requests, each booking at its own center.
/// </summary>
public sealed class BookingRun(GraphQLHttpClient api, IReadOnlyList<string> citizens, string keyPrefix)
{
    private const string SlotsQuery = """
        query($c: ID!, $from: Date!, $to: Date!, $after: String) {
          availableSlots(centerId: $c, service: NATIONAL_ID_CARD, from: $from, to: $to, first: 50, after: $after) {
            nodes { id remaining } pageInfo { hasNextPage endCursor } } }
        """;

    private const string BookQuery = """
        mutation($in: BookAppointmentInput!) { bookAppointment(input: $in) { request { status } errors { ... on Error { code } } } }
        """;

    private readonly ConcurrentQueue<double> _latencies = new();

    // Each center's agent prepares its requests and books them (the owners are the workload's many citizens).
    private readonly ConcurrentDictionary<string, string> _agents = new(StringComparer.Ordinal);
    private int _booked;
    private int _full;
    private int _failed;

    public int Booked => Volatile.Read(ref _booked);

    /// <summary>Refused SLOT_FULL: another client took the last place first (the client then takes the next slot).</summary>
    public int Full => Volatile.Read(ref _full);

    public int Failed => Volatile.Read(ref _failed);

    public IReadOnlyCollection<double> Latencies => _latencies;

    public double Seconds { get; private set; }

    /// <summary>The demo centers that take card requests (code, governorate), read from the API.</summary>
    public static async Task<IReadOnlyList<string>> CardCentersAsync(GraphQLHttpClient api)
    {
        var result = await api.PostAsync(
            "{ centers(first: 50, where: { takesRequests: true, services: [NATIONAL_ID_CARD] }) { nodes { code } } }");
        return result["data"]!["centers"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
    }

    /// <summary><paramref name="perCenter"/> paid card requests at each center, made by its agent; returns (center, request id).</summary>
    public async Task<IReadOnlyList<(string Center, string Request)>> PrepareAsync(IReadOnlyList<string> centers, int perCenter, int clients)
    {
        var paid = new ConcurrentBag<(string, string)>();
        foreach (var center in centers)
        {
            var agent = await api.TokenAsync("AGENT", "agent-bench-" + center, center);
            _agents[center] = agent;
            var workload = new RequestWorkload(api, center, agent, citizens, $"{keyPrefix}-{center}") { MaxAttempts = 3 };
            await workload.RunAsync(Math.Min(clients, perCenter), n => n < perCenter, CancellationToken.None);
            await Parallel.ForEachAsync(workload.Cases.Where(c => c.Failure is null && c.Id is not null), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (c, _) =>
            {
                var result = await api.PostAsync(
                    "mutation($in: RecordPaymentInput!) { recordPayment(input: $in) { request { status } } }",
                    new { @in = new { requestId = c.Id, paymentReference = "BENCH-" + c.Number.ToString(CultureInfo.InvariantCulture), amountMillimes = 3000 } },
                    agent);
                if (result["data"]?["recordPayment"]?["request"]?["status"]?.GetValue<string>() == "PAID")
                {
                    paid.Add((center, c.Id!));
                }
            });
        }

        return paid.ToList();
    }

    /// <summary>Books every request, <paramref name="clients"/> at a time; each takes the first slot of its center with a place left.</summary>
    public async Task RunAsync(IReadOnlyList<(string Center, string Request)> requests, int clients)
    {
        var slots = new ConcurrentDictionary<string, SlotQueue>(StringComparer.Ordinal);
        foreach (var center in requests.Select(r => r.Center).Distinct())
        {
            slots[center] = new SlotQueue(await FreeSlotsAsync(center, requests.Count(r => r.Center == center)));
        }

        var queue = new ConcurrentQueue<(string Center, string Request)>(requests);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var next))
            {
                await BookAsync(next.Request, slots[next.Center], _agents[next.Center], client);
            }
        })));
        Seconds = clock.Elapsed.TotalSeconds;
    }

    private async Task BookAsync(string request, SlotQueue slots, string agent, int client)
    {
        var key = $"{keyPrefix}-{request[^12..]}";
        while (slots.Current() is { } slot)
        {
            var clock = Stopwatch.StartNew();
            JsonNode result;
            try
            {
                result = await api.PostAsync(BookQuery, new { @in = new { requestId = request, slot, idempotencyKey = key } }, agent);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _failed);
                return;
            }

            var payload = result["data"]?["bookAppointment"];
            if (payload?["request"]?["status"]?.GetValue<string>() == "APPOINTMENT_BOOKED")
            {
                _latencies.Enqueue(clock.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref _booked);
                return;
            }

            if (payload?["errors"]?[0]?["code"]?.GetValue<string>() == "SLOT_FULL")
            {
                Interlocked.Increment(ref _full);
                slots.Skip(slot);
                continue;
            }

            Interlocked.Increment(ref _failed);
            Console.Error.WriteLine($"booking by client {client.ToString(CultureInfo.InvariantCulture)} failed: {result.ToJsonString()}");
            return;
        }

        Interlocked.Increment(ref _failed);
    }

    /// <summary>Enough free slot ids of a center, from tomorrow on, for <paramref name="places"/> bookings.</summary>
    private async Task<List<string>> FreeSlotsAsync(string center, int places)
    {
        var found = new List<string>();
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var counted = 0;
        for (var from = first; counted < places && from < first.AddDays(366); from = from.AddDays(31))
        {
            string? after = null;
            do
            {
                var result = await api.PostAsync(SlotsQuery, new
                {
                    c = GlobalIds.Center(center),
                    from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    to = from.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    after,
                });
                var page = result["data"]!["availableSlots"]!;
                foreach (var node in page["nodes"]!.AsArray())
                {
                    found.Add(node!["id"]!.GetValue<string>());
                    counted += node["remaining"]!.GetValue<int>();
                }

                after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            }
            while (after is not null && counted < places);
        }

        return found;
    }

    /// <summary>The slots of one center in time order; a slot found full is skipped by everyone from then on.</summary>
    private sealed class SlotQueue(List<string> slots)
    {
        private int _index;

        public string? Current()
        {
            var index = Volatile.Read(ref _index);
            return index < slots.Count ? slots[index] : null;
        }

        public void Skip(string full)
        {
            var index = slots.IndexOf(full);
            Interlocked.CompareExchange(ref _index, index + 1, index);
        }
    }
}
