using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Actors.TestSupport;
using Npgsql;

namespace Actors.Bench;

/// <summary>
/// <c>--reads</c> (issue 15, target 2): with one load generator (<see cref="ReadLoad"/>, N clients, keep-alive) against the
/// API in cluster mode, once the hosts are quiet after the seed, in turn for S seconds each after W seconds of warm-up:
///   1. GET /health/live: the HTTP floor of this host;
///   2. request(id) with the owner's token, over the requests seeded for the run (all active after the warm-up);
///   3. { __typename } with the same citizens' tokens: GraphQL over HTTP and the token, no grain behind it;
///   4. a page of 50 from requests(where:) with the token of an agent of the center;
///   5. GET /health/live again.
/// Prints throughput, p50/p99 and CPU per answer for each, and the ratios to (1) and (5) pooled: request(id) ≥ 0.8× the
/// throughput with p99 ≤ 2×, the page ≥ 0.3×.
/// </summary>
public static class ReadsRun
{
    public const string OwnRequest = "query($id: ID!) { request(id: $id) { id reference status version submittedAt } }";

    public const string CenterPage = """
        query($where: RequestWhereInput) { requests(first: 50, where: $where) { nodes { id reference status version submittedAt } pageInfo { hasNextPage endCursor } } }
        """;

    // Target 2's throughput lines, each a ratio to /health/live.
    private const double OwnRequestLine = 0.8;
    private const double PageLine = 0.3;

    private const string Live = "/health/live";
    private const string Own = "request(id), citizen's token";
    private const string Typename = "{ __typename }, citizen's token";
    private const string Page = "requests(where:) page of 50, agent's token";
    private const string LiveAgain = "/health/live, again";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        Console.WriteLine($"Reads (target 2): {options.Clients} clients, {options.Seconds} s per phase (warm-up {options.Warmup} s)");
        if (options.Topologies.Count == 1)
        {
            return await RunAsync(options, options.Topologies[0], null, []);
        }

        // Several topologies: one after the other on the same PostgreSQL, each on a database of its own.
        await using var server = await BenchCluster.StartServerAsync(options.Statements);
        var compared = new List<string>();
        var exit = 0;
        foreach (var topology in options.Topologies)
        {
            exit = Math.Max(exit, await RunAsync(options, topology, server, compared));
        }

        TopologyComparison.Print(
            $"Reads by topology, {options.Clients} clients × {options.Seconds} s per phase",
            "topology | /health/live answers/s, p99 (ms) | request(id) answers/s, p99 (ms) | page of 50 answers/s | request(id) ÷ live: throughput / p99 | page ÷ live | CPU ms per request(id): API / silo / PostgreSQL",
            compared);
        return exit;
    }

    private static async Task<int> RunAsync(BenchOptions options, string topology, ThrowawayPostgres? server, List<string> compared)
    {
        var label = server is null ? "" : $" ({topology})";
        await using var cluster = await BenchCluster.StartAsync("reads", options, topology, server);
        var seeded = await cluster.SeedAsync(Math.Max(100, options.Clients * 8), options.Clients, "reads");
        var page = new { where = new { statuses = new[] { "SUBMITTED" } } };
        await CheckPageAsync(cluster, page);

        using var load = new ReadLoad(cluster.Processes.ApiBase, options.Clients);
        var phases = new (string Name, Func<int, HttpRequestMessage> Request)[]
        {
            (Live, ReadLoad.Get("/health/live")),
            (Own, ReadLoad.GraphQL(OwnRequest, seeded.Select(s => (s.CitizenToken, (object)new { id = s.Id })).ToList())),
            // GraphQL over HTTP with the same tokens and no grain behind it: what request(id) costs before its field resolves.
            (Typename, ReadLoad.GraphQL("{ __typename }", seeded.Select(s => (s.CitizenToken, (object)new { })).ToList())),
            (Page, ReadLoad.GraphQL(CenterPage, [(cluster.AgentToken, page)])),
            // The floor again: the machine's speed drifts within a run, and the ratios are read against both.
            (LiveAgain, ReadLoad.Get("/health/live")),
        };
        var measured = new List<(string Name, ReadResult Result, double[] CpuMs, (double Kilobytes, double PauseMs) Api)>();
        await using var statements = options.Statements ? NpgsqlDataSource.Create(cluster.Server.ConnectionFor(cluster.Database, maxPoolSize: 2)) : null;
        var profiles = new StringBuilder();
        using var metrics = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var settled = await cluster.SettleAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"Hosts quiet {settled.TotalSeconds:F0} s after the seed.");
        foreach (var (name, request) in phases)
        {
            await load.RunAsync(request, TimeSpan.FromSeconds(options.Warmup));
            // Co-hosted there is no silo process: its silo's CPU is in the API's.
            double[] Cpu() =>
            [
                ProcessCpu.Seconds(Environment.ProcessId), ProcessCpu.Seconds(cluster.ApiPid),
                cluster.HasSiloProcess ? ProcessCpu.Seconds(cluster.SiloPid) : 0, ProcessCpu.TreeSeconds(cluster.Postmaster),
            ];
            if (statements is not null)
            {
                await StatementProfile.ResetAsync(statements);
            }

            var countersBefore = await RuntimeCounters.ReadAsync(metrics, cluster.Processes.ApiBase);
            var before = Cpu();
            var result = await load.RunAsync(request, TimeSpan.FromSeconds(options.Seconds));
            var after = Cpu();
            if (statements is not null)
            {
                profiles.AppendLine(Invariant, $"PostgreSQL during {name} (pg_stat_statements):").AppendLine()
                    .AppendLine(await StatementProfile.ReadAsync(statements, result.Latencies.Length, "answer")).AppendLine();
            }

            var countersAfter = await RuntimeCounters.ReadAsync(metrics, cluster.Processes.ApiBase);
            var cpuMs = after.Zip(before, (a, b) => (a - b) * 1000 / Math.Max(1, result.Latencies.Length)).ToArray();
            Console.WriteLine($"{name}: {result.Describe()}");
            if (result.FirstFailure is not null)
            {
                Console.WriteLine($"  first failure: {result.FirstFailure}");
            }

            measured.Add((name, result, cpuMs, RuntimeCounters.Per(countersBefore, countersAfter, result.Latencies.Length)));
        }

        var phase = measured.ToDictionary(m => m.Name, m => (m.Result, m.CpuMs));
        var floor = Pooled(phase[Live].Result, phase[LiveAgain].Result);
        var floorCpuMs = phase[Live].CpuMs.Zip(phase[LiveAgain].CpuMs, (before, after) =>
            ((before * phase[Live].Result.Latencies.Length) + (after * phase[LiveAgain].Result.Latencies.Length)) / Math.Max(1, floor.Latencies.Length)).ToArray();
        var own = phase[Own].Result;
        var list = phase[Page].Result;
        var ownThroughput = TargetSummary.AtLeast($"reads{label}: request(id) ÷ /health/live throughput ({options.Clients} clients)", own.PerSecond / floor.PerSecond, OwnRequestLine);
        var ownP99 = TargetSummary.AtMost($"reads{label}: request(id) p99 ÷ /health/live p99", own.P99 / floor.P99, 2.0);
        var listThroughput = TargetSummary.AtLeast($"reads{label}: page of 50 requests(where:) ÷ /health/live throughput", list.PerSecond / floor.PerSecond, PageLine);

        var report = new StringBuilder();
        report.AppendLine(Invariant, $"### Reads, {options.Clients} clients × {options.Seconds} s per phase{label}");
        report.AppendLine();
        report.AppendLine("| phase | answers/s | p50 / p99 (ms) | failed | CPU ms per answer: load generator / API / silo / PostgreSQL | API: KB allocated per answer; GC pauses, ms per 1,000 answers |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, result, cpuMs, api) in measured)
        {
            report.AppendLine(Invariant,
                $"| {name} | {result.PerSecond:F0} | {result.P50:F1} / {result.P99:F1} | {result.Failed} | {string.Join(" / ", cpuMs.Select(c => c.ToString("F3", Invariant)))} | {api.Kilobytes:F1}; {api.PauseMs:F1} |");
        }

        report.AppendLine();
        report.AppendLine("| target 2 | ratio | target | met |");
        report.AppendLine("|---|---|---|---|");
        foreach (var target in new[] { ownThroughput, ownP99, listThroughput })
        {
            report.AppendLine(Invariant, $"| {target.Measure} | {target.Figure:F2} | {target.Target} | {(target.Met ? "pass" : "FAIL")} |");
        }

        // Measured with the hosts idle, after the phases: this process alone on the two cores.
        var graphQL = await GraphQLFloor.MeasureAsync(options.Clients, TimeSpan.FromSeconds(Math.Min(options.Warmup, 2)), TimeSpan.FromSeconds(Math.Min(options.Seconds, 5)));
        report.AppendLine();
        report.AppendLine(Invariant, $"/health/live before and after, pooled (the ratios' floor): {floor.Describe()}; CPU ms per answer {string.Join(" / ", floorCpuMs.Select(c => c.ToString("F3", Invariant)))}.");
        report.AppendLine();
        report.Append(Allowances(floorCpuMs, phase[Own].CpuMs, phase[Page].CpuMs));
        report.AppendLine(Invariant,
            $"{{ __typename }} with the same tokens (GraphQL over HTTP and the token, no grain): {phase[Typename].CpuMs.Sum():F3} ms of CPU per answer, all processes, against the {floorCpuMs.Sum() / OwnRequestLine:F3} ms request(id) may cost at {OwnRequestLine}.");
        report.AppendLine(Invariant, $"GraphQL for .NET alone, request(id)'s document in one process (no HTTP, no token, no grain; parsed and validated once, as the API keeps it): {graphQL:F3} ms of CPU per execution.");
        report.AppendLine();
        report.AppendLine(Invariant, $"Machine: {Machine.Describe()}; {seeded.Count} requests seeded at {BenchCluster.Center}.");
        if (profiles.Length > 0)
        {
            report.AppendLine().Append(profiles);
        }

        Console.WriteLine();
        Console.WriteLine(report.ToString());
        compared.Add(string.Join(" | ", topology, string.Create(Invariant, $"{floor.PerSecond:F0}, {floor.P99:F1}"), string.Create(Invariant, $"{own.PerSecond:F0}, {own.P99:F1}"),
            list.PerSecond.ToString("F0", Invariant), string.Create(Invariant, $"{ownThroughput.Figure:F2} / {ownP99.Figure:F2}"), listThroughput.Figure.ToString("F2", Invariant),
            string.Join(" / ", phase[Own].CpuMs.Skip(1).Select(c => c.ToString("F3", Invariant)))));
        return measured.Any(m => m.Result.Failed > 0) ? 1 : 0;
    }

    /// <summary>
    /// What each throughput target allows an answer to cost, against what it costs. Both loads keep the two cores busy,
    /// so a ratio r to <c>/health/live</c> allows an answer r⁻¹ times live's CPU (all four processes). Part of that is
    /// spent before our code runs: the load generator's side of the exchange and the API's HTTP floor (live's own API
    /// CPU); for the page, PostgreSQL's statements too.
    /// </summary>
    private static string Allowances(double[] live, double[] ownRequest, double[] page)
    {
        static string Ms(double value) => value.ToString("F3", Invariant);
        var liveTotal = live.Sum();
        var table = new StringBuilder();
        table.AppendLine("| CPU ms per answer, all processes | allowed (live's ÷ ratio) | spent | load generator + HTTP floor (live's API) | PostgreSQL | left for the API's GraphQL, the grain call and the silo: allowed / spent |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, cost, ratio) in new[] { ("request(id)", ownRequest, OwnRequestLine), ("page of 50", page, PageLine) })
        {
            var allowed = liveTotal / ratio;
            var fixedPart = cost[0] + live[1];
            var database = cost[3];
            var leftAllowed = allowed - fixedPart - database;
            var leftSpent = cost[1] - live[1] + cost[2];
            table.AppendLine(Invariant,
                $"| {name} at {ratio} | {Ms(allowed)} | {Ms(cost.Sum())} | {Ms(fixedPart)} | {Ms(database)} | {(leftAllowed > 0 ? Ms(leftAllowed) : "none (" + Ms(leftAllowed) + ")")} / {Ms(leftSpent)} |");
        }

        return table.ToString();
    }

    /// <summary>Two runs of one phase as one: their answers over their seconds, their latencies together.</summary>
    private static ReadResult Pooled(ReadResult before, ReadResult after) =>
        new([.. before.Latencies, .. after.Latencies], before.Failed + after.Failed, before.Seconds + after.Seconds, before.FirstFailure ?? after.FirstFailure);

    private static async Task<bool> Delay()
    {
        await Task.Delay(500);
        return true;
    }

    /// <summary>The page read must be a full page of 50, or its ratio would flatter it.</summary>
    private static async Task CheckPageAsync(BenchCluster cluster, object variables)
    {
        // The index is a projection of the outbox: it catches up with the submissions within seconds.
        JsonNode answer;
        int? count;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            answer = await cluster.Api.PostAsync(CenterPage, variables, cluster.AgentToken);
            count = (answer["data"]?["requests"]?["nodes"] as JsonArray)?.Count;
        }
        while (count is < 50 && DateTime.UtcNow < deadline && await Delay());

        if (count != 50)
        {
            throw new InvalidOperationException($"The page holds {count?.ToString(Invariant) ?? "nothing"}, not 50: {answer.ToJsonString()[..Math.Min(400, answer.ToJsonString().Length)]}");
        }
    }
}
