using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;
using Npgsql;

namespace Actors.Tests.Faults;

/// <summary>
/// One fault test's world: a fresh database migrated by <c>silo migrate</c>, a <see cref="ClusterProcesses"/> with the
/// fault test profile, an HTTP GraphQL client, and the checks that every acknowledged step is stored exactly once.
/// Process logs go to a temp folder, removed when the test passed and named in the output when it did not.
/// </summary>
public sealed class FaultScenario : IAsyncDisposable
{
    /// <summary>A demo one-stop shop (TUNIS, LIVE) seeded by the API with Demo__Seed=true.</summary>
    public const string Center = "TN11-GU1";

    public const string AgentSubject = "agent-faults";

    private const string RequestFields = "id reference status version history { version status }";

    private readonly CancellationTokenSource _timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private bool _passed;

    private FaultScenario(string connectionString, string logDirectory, bool automaticPathway, IReadOnlyDictionary<string, string>? settings)
    {
        LogDirectory = logDirectory;
        Cluster = new ClusterProcesses(connectionString, logDirectory) { AutomaticPathway = automaticPathway }.WithLoadGeneratorRateLimits();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            Cluster.SiloSettings[key] = value;
        }

        Database = NpgsqlDataSource.Create(connectionString);
        Api = new GraphQLHttpClient(Cluster.ApiBase, TimeSpan.FromSeconds(40));
        _timeout.CancelAfter(FaultLoad.Timeout);
    }

    public ClusterProcesses Cluster { get; }

    public NpgsqlDataSource Database { get; }

    public GraphQLHttpClient Api { get; }

    public string LogDirectory { get; }

    /// <summary>Cancelled when the test is, or when it runs longer than <see cref="FaultLoad.Timeout"/>.</summary>
    public CancellationToken Cancel => _timeout.Token;

    /// <summary>A new, empty database, migrated by the silo's own <c>migrate</c> command.</summary>
    public static async Task<FaultScenario> CreateAsync(
        PostgresServer server, string name, bool automaticPathway = false, IReadOnlyDictionary<string, string>? settings = null, bool migrate = true)
    {
        var connectionString = await server.CreateDatabaseAsync(migrated: false);
        return await CreateAsync(connectionString, name, automaticPathway, settings, migrate);
    }

    /// <summary>The same on a database of the caller's (an empty one, e.g. on a replicated or archiving server).</summary>
    public static async Task<FaultScenario> CreateAsync(
        string connectionString, string name, bool automaticPathway = false, IReadOnlyDictionary<string, string>? settings = null, bool migrate = true)
    {
        var logs = Path.Combine(Path.GetTempPath(), "actors-faults", $"{name}-{Guid.NewGuid().ToString("N")[..6]}");
        var scenario = new FaultScenario(connectionString, logs, automaticPathway, settings);
        if (migrate)
        {
            await scenario.Cluster.MigrateAsync(scenario.Cancel);
        }

        return scenario;
    }

    /// <summary>What a process of the scenario wrote so far (<c>api</c>, <c>silo0-1</c>...), read beside its writer.</summary>
    public async Task<string> ProcessLogAsync(string name)
    {
        await using var file = new FileStream(Path.Combine(LogDirectory, name + ".log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return await reader.ReadToEndAsync(Cancel);
    }

    /// <summary>Restarts the scenario's deadline at <paramref name="deadline"/> from now, for a test of several phases.</summary>
    public void CancelAfter(TimeSpan deadline) => _timeout.CancelAfter(deadline);

    /// <summary>Runs the test body; on failure, the processes' last output and the log folder go to the test output.</summary>
    public async Task RunAsync(Func<Task> body)
    {
        try
        {
            await body();
            _passed = true;
        }
        catch (Exception ex)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Process logs kept in {LogDirectory}\n{Cluster.Tails()}");
            if (_timeout.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The test ran longer than {FaultLoad.Timeout} (ACTORS_FAULT_TIMEOUT_SECONDS).", ex);
            }

            throw;
        }
    }

    /// <summary>A workload of citizens submitting at a center (<see cref="Center"/> unless said) and its agent moving the requests on.</summary>
    public async Task<RequestWorkload> WorkloadAsync(string keyPrefix, string center = Center, int citizens = 8)
    {
        var agent = await Api.TokenAsync("AGENT", AgentSubject, center, cancellationToken: Cancel);
        var tokens = new List<string>();
        for (var i = 0; i < citizens; i++)
        {
            tokens.Add(await Api.TokenAsync("CITIZEN", $"cit-{keyPrefix}-{i.ToString(CultureInfo.InvariantCulture)}", nationalIdNumber: "01234567", cancellationToken: Cancel));
        }

        return new RequestWorkload(Api, center, agent, tokens, keyPrefix);
    }

    /// <summary>
    /// Every acknowledged step is there exactly once: through the API (reference, status, version, one history entry
    /// per version as acknowledged), in the grains' state (one stored request per idempotency key, none unacknowledged),
    /// in the request index (same status and version as the stored state, same count), and in <c>requests.totalCount</c>.
    /// </summary>
    public Task VerifyAcknowledgedAsync(RequestWorkload workload, int expectedRequests) => VerifyAcknowledgedAsync([workload], expectedRequests);

    /// <summary>The same for several workloads at one center (phases of one test), which together made every stored request.</summary>
    public async Task VerifyAcknowledgedAsync(IReadOnlyList<RequestWorkload> workloads, int expectedRequests)
    {
        var cases = workloads.SelectMany(w => w.Cases).ToList();
        Assert.Equal(expectedRequests, cases.Count);
        // Whole lines in the message: xunit's collection printout cuts each item at 50 characters, and the cause is at the end.
        AssertNone("cases given up", cases.Where(c => c.Failure is not null).Select(c => $"{c.IdempotencyKey}: {c.Failure} (last: {c.LastProblem})"));
        AssertNone("anomalies", cases.SelectMany(c => c.Anomalies.Select(a => $"{c.IdempotencyKey}: {a}")));
        Assert.All(workloads, w => Assert.All(w.Cases, c => Assert.Equal(w.StepsPerRequest, c.AcknowledgedVersion)));
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());

        // 1. Through the API, as the center's agent reads them.
        var agent = await Api.TokenAsync("AGENT", AgentSubject, workloads[0].CenterCode, cancellationToken: Cancel);
        foreach (var chunk in cases.Chunk(50))
        {
            var result = await Api.PostAsync(
                $"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on CitizenRequest {{ {RequestFields} }} }} }}",
                new { ids = chunk.Select(c => c.Id).ToArray() }, agent, Cancel);
            Assert.Null(result["errors"]);
            var nodes = result["data"]!["nodes"]!.AsArray();
            for (var i = 0; i < chunk.Length; i++)
            {
                AssertAsAcknowledged(chunk[i], nodes[i]);
            }
        }

        // 2. In the grains' state: exactly one stored request per acknowledged submission, and nothing else.
        var stored = await StoredRequestsAsync();
        var acknowledgedIds = cases.Select(c => GlobalIdKey(c.Id!)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(acknowledgedIds, stored.Keys.Order(StringComparer.Ordinal));
        foreach (var c in cases)
        {
            Assert.Equal((c.AcknowledgedVersion, Enum.Parse<RequestStatus>(ToPascal(c.AcknowledgedStatuses[c.AcknowledgedVersion]))), stored[GlobalIdKey(c.Id!)]);
        }

        // 3. The index agrees with a recount from the stored state, row by row, once the relay has caught up.
        await Eventually.Async(async () => (await IndexedRequestsAsync()).Count == stored.Count
            && (await IndexedRequestsAsync()).All(i => stored.TryGetValue(i.Key, out var s) && s == i.Value),
            TimeSpan.FromSeconds(60), "the request index matches the stored requests");
        Assert.Equal(stored.OrderBy(s => s.Key, StringComparer.Ordinal), (await IndexedRequestsAsync()).OrderBy(s => s.Key, StringComparer.Ordinal));

        // 4. And the API's list says so.
        var list = await Api.PostAsync("{ requests(first: 1) { totalCount } }", null, agent, Cancel);
        Assert.Equal(expectedRequests, list["data"]!["requests"]!["totalCount"]!.GetValue<int>());
    }

    private static void AssertNone(string what, IEnumerable<string> lines)
    {
        var found = lines.ToList();
        Assert.True(found.Count == 0, $"{found.Count} {what}:\n{string.Join("\n", found.Take(20))}");
    }

    /// <summary>Id → (version, status) of every stored request, read from the grains' JSON state.</summary>
    public async Task<Dictionary<string, (long Version, RequestStatus Status)>> StoredRequestsAsync()
    {
        var stored = new Dictionary<string, (long, RequestStatus)>(StringComparer.Ordinal);
        await using var command = Database.CreateCommand(
            "SELECT convert_from(payload, 'UTF8') FROM orleans_storage WHERE grain_type = 'citizen-request' AND payload IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            using var json = JsonDocument.Parse(reader.GetString(0));
            var root = json.RootElement;
            var status = root.GetProperty("Status");
            var parsed = status.ValueKind == JsonValueKind.Number ? (RequestStatus)status.GetInt32() : Enum.Parse<RequestStatus>(status.GetString()!);
            var id = root.GetProperty("Id").GetGuid().ToString("D");
            Assert.False(stored.ContainsKey(id), $"request {id} is stored twice");
            stored[id] = (root.GetProperty("Version").GetInt64(), parsed);
        }

        return stored;
    }

    /// <summary>Id → (version, status) of every row of the request index.</summary>
    public async Task<Dictionary<string, (long Version, RequestStatus Status)>> IndexedRequestsAsync()
    {
        var indexed = new Dictionary<string, (long, RequestStatus)>(StringComparer.Ordinal);
        await using var command = Database.CreateCommand("SELECT id, version, status FROM request_index");
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            indexed[reader.GetGuid(0).ToString("D")] = (reader.GetInt64(1), Enum.Parse<RequestStatus>(reader.GetString(2)));
        }

        return indexed;
    }

    public async Task<List<T>> ScalarsAsync<T>(string sql)
    {
        var values = new List<T>();
        await using var command = Database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>Membership rows of this cluster as "port/status" (3 Active, 6 Dead), oldest generation first.</summary>
    public Task<List<string>> MembershipAsync() => ScalarsAsync<string>(
        $"SELECT port || '/' || status FROM orleans_membership WHERE cluster_id = '{Cluster.ClusterId}' ORDER BY generation, port");

    /// <summary>The request id in a global id ("CitizenRequest:&lt;guid&gt;" in base64url), as a "D" formatted Guid.</summary>
    public static string GlobalIdKey(string globalId)
    {
        var decoded = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(globalId));
        return Guid.Parse(decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToString("D");
    }

    /// <summary>AWAITING_PAYMENT → AwaitingPayment.</summary>
    public static string ToPascal(string graphQLEnum) => string.Concat(graphQLEnum.Split('_')
        .Select(part => part[..1] + part[1..].ToLowerInvariant()));

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        Api.Dispose();
        _timeout.Dispose();
        // ACTORS_KEEP_FAULT_LOGS=1 keeps them after a pass too, to read what a passing run did.
        if (_passed && Directory.Exists(LogDirectory) && Environment.GetEnvironmentVariable("ACTORS_KEEP_FAULT_LOGS") != "1")
        {
            Directory.Delete(LogDirectory, recursive: true);
        }
    }

    private static void AssertAsAcknowledged(RequestWorkload.RequestCase acknowledged, JsonNode? node)
    {
        Assert.NotNull(node);
        Assert.Equal(acknowledged.Id, node["id"]!.GetValue<string>());
        Assert.Equal(acknowledged.Reference, node["reference"]!.GetValue<string>());
        Assert.Equal(acknowledged.AcknowledgedVersion, node["version"]!.GetValue<long>());
        var statuses = acknowledged.AcknowledgedStatuses;
        Assert.Equal(statuses[acknowledged.AcknowledgedVersion], node["status"]!.GetValue<string>());
        var history = node["history"]!.AsArray().Select(h => (h!["version"]!.GetValue<long>(), h["status"]!.GetValue<string>())).ToList();
        Assert.Equal(statuses.OrderBy(s => s.Key).Select(s => (s.Key, s.Value)), history);
    }
}
