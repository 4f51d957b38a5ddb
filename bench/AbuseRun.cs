using System.Diagnostics;
using System.Globalization;
using System.Text;
using Actors.TestSupport;

namespace Actors.Bench;

/// <summary>
/// <c>--abuse</c>: the abuse cases of issue 13 against the API in embedded mode (one process, in-memory backend, as
/// <c>dotnet run --project api</c> starts it), so it measures the GraphQL layer and its bounds, not storage.
///   1. each oversized or expensive request, sent <c>--tries</c> times one after another (a quarter as often over
///      WebSocket): the time to refusal (p50 / p99) and how it was refused;
///   2. <c>--clients</c> normal clients in closed loops (governorates anonymously, a citizen's own request by id) for
///      <c>--seconds</c>, alone, then while <c>--abusers</c> clients send the abusive requests continuously, in turn.
/// Prints a markdown table. Every client is on 127.0.0.1, so the per-address WebSocket bound is shared by the abusers.
/// </summary>
public static class AbuseRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        Console.WriteLine($"Abuse benchmark: {options.Clients} normal clients, {options.Abusers} abusers, {options.Seconds} s per phase (warm-up {options.Warmup} s), {options.Tries} tries per case");
        var logs = Path.Combine(Path.GetTempPath(), "actors-bench", "abuse-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", Invariant));
        var apiBase = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(Invariant)}/");
        var environment = new Dictionary<string, string>(TestDocumentKey.Environment, StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__Json"] = "false",
        };
        foreach (var (key, value) in options.ApiSettings)
        {
            environment[key] = value;
        }

        var host = HostProcess.Start("api-embedded", ClusterProcesses.ApiDll, environment, ["--urls", apiBase.ToString().TrimEnd('/')], logs, apiBase);
        try
        {
            await host.WaitReadyAsync(TimeSpan.FromSeconds(120));
            using var api = new GraphQLHttpClient(apiBase, TimeSpan.FromSeconds(60), maxConnections: options.Clients * 2);
            var citizen = await api.TokenAsync("CITIZEN", "cit-abuse-bench", nationalIdNumber: "01234567");
            var requestId = await SubmitAsync(api, citizen);
            using var cases = new AbuseCases(apiBase, citizen, requestId);

            // 1. Time to refusal, one attempt at a time.
            var refusals = new List<(AbuseCase Case, List<AbuseTry> Tries)>();
            var chosen = cases.All.Where(c => options.Only is null || c.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var abuse in chosen)
            {
                var tries = new List<AbuseTry>();
                var count = abuse.OverWebSocket ? Math.Max(3, options.Tries / 4) : options.Tries;
                for (var i = 0; i < count; i++)
                {
                    tries.Add(await abuse.TryAsync(CancellationToken.None));
                }

                refusals.Add((abuse, tries));
                Console.WriteLine($"{abuse.Name}: {Percentiles.Pair(tries.Select(t => t.Milliseconds))} ms, {Outcomes(tries)}");
            }

            // 2. Normal requests alone, then under abuse.
            await new NormalLoad(api, citizen, requestId).RunAsync(options.Clients, TimeSpan.FromSeconds(options.Warmup), CancellationToken.None);
            var (alone, aloneCpu) = await MeasureAsync(host, () => RunNormalAsync(api, citizen, requestId, options));
            Console.WriteLine($"normal alone: {alone.Answered} answers in {alone.Seconds.ToString("F1", Invariant)} s");
            var abusive = new AbusiveLoad(chosen);
            using var stop = new CancellationTokenSource();
            var abusing = abusive.RunAsync(options.Abusers, stop.Token);
            // The abusers first reach their stride (sockets open, documents in flight) before normal requests are timed.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(options.Warmup, 2)));
            var abusedBefore = abusive.Attempts;
            var (underAbuse, underAbuseCpu) = await MeasureAsync(host, () => RunNormalAsync(api, citizen, requestId, options));
            var abusedDuring = abusive.Attempts - abusedBefore;
            await stop.CancelAsync();
            await abusing;
            Console.WriteLine($"normal under abuse: {underAbuse.Answered} answers in {underAbuse.Seconds.ToString("F1", Invariant)} s");

            Console.WriteLine();
            Console.WriteLine(Report(options, refusals, alone, aloneCpu, underAbuse, underAbuseCpu, abusive, abusedDuring));
        }
        finally
        {
            await host.DisposeAsync();
            if (!options.KeepLogs)
            {
                Directory.Delete(logs, recursive: true);
            }
            else
            {
                Console.WriteLine($"API log: {host.LogPath}");
            }
        }

        return 0;
    }

    private static async Task<NormalLoad> RunNormalAsync(GraphQLHttpClient api, string citizen, string requestId, BenchOptions options)
    {
        var load = new NormalLoad(api, citizen, requestId);
        await load.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), CancellationToken.None);
        return load;
    }

    /// <summary>Runs a phase and measures the API process's CPU over it, as a share of the machine.</summary>
    private static async Task<(NormalLoad Load, (double Api, double Clients) CpuShare)> MeasureAsync(HostProcess host, Func<Task<NormalLoad>> phase)
    {
        var before = (Api: ProcessCpu.Seconds(host.Pid), Clients: ProcessCpu.Seconds(Environment.ProcessId));
        var clock = Stopwatch.StartNew();
        var load = await phase();
        var capacity = clock.Elapsed.TotalSeconds * Environment.ProcessorCount;
        return (load, ((ProcessCpu.Seconds(host.Pid) - before.Api) / capacity, (ProcessCpu.Seconds(Environment.ProcessId) - before.Clients) / capacity));
    }

    private static async Task<string> SubmitAsync(GraphQLHttpClient api, string citizen)
    {
        var submitted = await api.PostAsync("""
            mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) { request { id } errors { ... on Error { code message } } } }
            """,
            new
            {
                @in = new
                {
                    reason = "RENEWAL",
                    centerId = GlobalIds.Center("TN11-GU1"),
                    idempotencyKey = "abuse-bench",
                    applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = "01234567" },
                },
            },
            citizen);
        return submitted["data"]?["submitIdCardRequest"]?["request"]?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("The citizen's request was not submitted: " + submitted.ToJsonString());
    }

    private static string Outcomes(IEnumerable<AbuseTry> tries) =>
        string.Join(", ", tries.GroupBy(t => t.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} × {g.Count().ToString(Invariant)}"));

    private static string Report(BenchOptions options, List<(AbuseCase Case, List<AbuseTry> Tries)> refusals,
        NormalLoad alone, (double Api, double Clients) aloneCpu, NormalLoad underAbuse, (double Api, double Clients) underAbuseCpu, AbusiveLoad abusive, long abusedDuring)
    {
        var report = new StringBuilder();
        report.AppendLine(Invariant, $"### Abuse cases: {options.Clients} normal clients, {options.Abusers} abusers, {options.Seconds} s per phase");
        report.AppendLine();
        report.AppendLine(Invariant, $"Machine: {Machine.Describe()}. API: embedded mode (one process, in-memory backend), Release.");
        report.AppendLine();
        report.AppendLine("| abusive request | expected refusal | tries | refusal seen | time to refusal p50 / p99 (ms) |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var (abuse, tries) in refusals)
        {
            report.AppendLine(Invariant, $"| {abuse.Name} | {abuse.Expected} | {tries.Count} | {Outcomes(tries)} | {Percentiles.Pair(tries.Select(t => t.Milliseconds))} |");
        }

        report.AppendLine();
        report.AppendLine("| normal requests | alone | under abuse | ratio |");
        report.AppendLine("|---|---|---|---|");
        void Latency(string name, Func<NormalLoad, IReadOnlyCollection<double>> of)
        {
            var before = of(alone);
            var during = of(underAbuse);
            report.AppendLine(Invariant, $"| {name} p50 / p99 (ms) | {Percentiles.Pair(before)} | {Percentiles.Pair(during)} | " +
                $"{Ratio(Percentiles.Of(during, 0.5), Percentiles.Of(before, 0.5))} / {Ratio(Percentiles.Of(during, 0.99), Percentiles.Of(before, 0.99))} |");
        }

        Latency("`{ governorates { code } }`", l => l.GovernoratesLatencies);
        Latency("`request(id)`, citizen token", l => l.OwnRequestLatencies);
        var aloneRate = alone.Answered / alone.Seconds;
        var underRate = underAbuse.Answered / underAbuse.Seconds;
        report.AppendLine(Invariant, $"| normal requests answered /s | {aloneRate.ToString("F0", Invariant)} | {underRate.ToString("F0", Invariant)} | {Ratio(underRate, aloneRate)} |");
        report.AppendLine(Invariant, $"| normal requests failed | {alone.Failed} | {underAbuse.Failed} | |");
        report.AppendLine(Invariant, $"| CPU, % of the machine: API process / bench (all clients) | {Cpu(aloneCpu)} | {Cpu(underAbuseCpu)} | |");
        report.AppendLine(Invariant, $"| abusive attempts during the phase (/s) | | {abusedDuring} ({(abusedDuring / underAbuse.Seconds).ToString("F0", Invariant)}/s) | |");
        report.AppendLine();
        report.AppendLine("Abusive attempts over the whole load phase, by case and outcome:");
        report.AppendLine();
        report.AppendLine("| abusive request | outcomes |");
        report.AppendLine("|---|---|");
        foreach (var (name, outcomes) in abusive.OutcomesByCase())
        {
            report.AppendLine(Invariant, $"| {name} | {outcomes} |");
        }

        return report.ToString();
    }

    private static string Cpu((double Api, double Clients) share) =>
        $"{(share.Api * 100).ToString("F0", Invariant)} % / {(share.Clients * 100).ToString("F0", Invariant)} %";

    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("F2", Invariant) : "—";
}
