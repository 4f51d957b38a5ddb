using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.TestSupport;

/// <summary>
/// Drives ID card requests through the real API over HTTP GraphQL, many at once: a citizen submits with an idempotency
/// key, then an agent of the center takes <c>startVerification</c> and <c>confirmVerification</c> with the version it
/// was acknowledged (<c>expectedVersion</c>). A failed call (connection lost, a GraphQL error from a dead silo, a
/// timeout) is retried the way a careful client would: the same idempotency key, the same expected version. A retried
/// step refused as INVALID_TRANSITION or VERSION_MISMATCH is reconciled by reading the request: if it shows exactly
/// our step at our version, the earlier attempt had committed and the step is acknowledged.
/// Every acknowledgement is recorded, so a test can check afterwards that each is there exactly once.
/// </summary>
public sealed class RequestWorkload(GraphQLHttpClient api, string centerCode, string agentToken, IReadOnlyList<string> citizenTokens, string keyPrefix)
{
    /// <summary>The steps after the submission, in order: mutation name and the status it leads to.</summary>
    public static readonly IReadOnlyList<(string Mutation, string Status)> Transitions =
    [
        ("startVerification", "VERIFYING"),
        ("confirmVerification", "AWAITING_PAYMENT"),
    ];

    private const string SubmitQuery = """
        mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) {
          request { id reference status version } errors { ... on Error { code message } } } }
        """;

    private const string ReadQuery = "query($id: ID!) { request(id: $id) { id status version history { version status } } }";

    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentDictionary<int, RequestCase> _cases = new();
    private int _next = -1;
    private int _acknowledged;
    private int _retries;
    private int _failedCalls;
    private readonly ConcurrentDictionary<string, int> _failuresByKind = new();

    /// <summary>How many steps (1 = submission only, up to 1 + <see cref="Transitions"/>.Count) each request goes through.</summary>
    public int StepsPerRequest { get; init; } = 1 + Transitions.Count;

    /// <summary>Attempts per step before the case is given up (recorded as a failure). 1 = no retries.</summary>
    public int MaxAttempts { get; init; } = 40;

    public string CenterCode { get; } = centerCode;

    public string CenterGlobalId { get; } = GlobalIds.Center(centerCode);

    public IEnumerable<RequestCase> Cases => _cases.Values.OrderBy(c => c.Number);

    /// <summary>Acknowledged steps so far (submissions and transitions).</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Calls that failed (each retry follows one), by transport error, GraphQL error or unexpected refusal.</summary>
    public int FailedCalls => Volatile.Read(ref _failedCalls);

    /// <summary>
    /// The failed calls so far by kind (<see cref="KindOf"/>: "GraphQL" and a GraphQL error's code, a refusal's code, a
    /// transport exception's type): what an operator needs to tell a timeout from a refusal in a step's failures.
    /// </summary>
    public IReadOnlyDictionary<string, int> FailuresByKind => new Dictionary<string, int>(_failuresByKind);

    /// <summary>Milliseconds from the first attempt of a step to its acknowledgement, for every acknowledged step.</summary>
    public IReadOnlyCollection<double> Latencies => _latencies;

    /// <summary>
    /// Runs <paramref name="concurrency"/> workers; each takes the next request number and drives it through its steps
    /// while <paramref name="startNext"/> allows that number.
    /// </summary>
    public async Task RunAsync(int concurrency, Func<int, bool> startNext, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var number = Interlocked.Increment(ref _next);
                if (!startNext(number))
                {
                    return;
                }

                var @case = new RequestCase(number, $"{keyPrefix}-{number.ToString(CultureInfo.InvariantCulture)}");
                _cases[number] = @case;
                await DriveAsync(@case, cancellationToken);
            }
        }, CancellationToken.None)));
    }

    private async Task DriveAsync(RequestCase @case, CancellationToken cancellationToken)
    {
        var citizen = citizenTokens[@case.Number % citizenTokens.Count];
        if (!await StepAsync(@case, () => SubmitAsync(@case, citizen, cancellationToken), cancellationToken))
        {
            return;
        }

        for (var step = 0; step < StepsPerRequest - 1 && step < Transitions.Count; step++)
        {
            var (mutation, status) = Transitions[step];
            if (!await StepAsync(@case, () => TransitionAsync(@case, mutation, status, cancellationToken), cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Tries a step until it is acknowledged (true) or the attempts run out (false, with the case's Failure set).</summary>
    private async Task<bool> StepAsync(RequestCase @case, Func<Task<string?>> attempt, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? problem = null;
        for (var i = 1; i <= MaxAttempts && !cancellationToken.IsCancellationRequested; i++)
        {
            if (i > 1)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * Math.Pow(2, Math.Min(i, 8)))), CancellationToken.None);
            }

            try
            {
                problem = await attempt();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                problem = $"{ex.GetType().Name}: {ex.Message}";
            }

            if (problem is null)
            {
                _latencies.Enqueue(clock.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref _acknowledged);
                return true;
            }

            Interlocked.Increment(ref _failedCalls);
            _failuresByKind.AddOrUpdate(KindOf(problem), 1, (_, n) => n + 1);
            @case.LastProblem = problem;
        }

        @case.Failure = problem ?? "cancelled";
        return false;
    }

    /// <summary>One submission attempt: null when acknowledged, otherwise why not.</summary>
    private async Task<string?> SubmitAsync(RequestCase @case, string citizen, CancellationToken cancellationToken)
    {
        var input = new
        {
            @in = new
            {
                reason = "RENEWAL",
                centerId = CenterGlobalId,
                idempotencyKey = @case.IdempotencyKey,
                applicant = new { givenName = "Amira", familyName = "Ben Salah", birthDate = "1995-02-03", nationalIdNumber = "01234567" },
            },
        };
        var result = await api.PostAsync(SubmitQuery, input, citizen, cancellationToken);
        if (Refusal(result, "submitIdCardRequest", out var request) is { } problem)
        {
            return problem;
        }

        var id = request!["id"]!.GetValue<string>();
        var reference = request["reference"]!.GetValue<string>();
        lock (@case)
        {
            if (@case.Id is not null && (@case.Id != id || @case.Reference != reference))
            {
                @case.Anomalies.Add($"resubmission answered {id}/{reference}, first {@case.Id}/{@case.Reference}");
            }

            @case.Id = id;
            @case.Reference = reference;
            @case.Acknowledge(request["version"]!.GetValue<long>(), request["status"]!.GetValue<string>());
        }

        return null;
    }

    /// <summary>One transition attempt at the acknowledged version: null when acknowledged, otherwise why not.</summary>
    private async Task<string?> TransitionAsync(RequestCase @case, string mutation, string status, CancellationToken cancellationToken)
    {
        var expected = @case.AcknowledgedVersion;
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var query = $"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ id status version }} errors {{ ... on Error {{ code message }} }} }} }}";
        var result = await api.PostAsync(query, new { @in = new { requestId = @case.Id, expectedVersion = expected } }, agentToken, cancellationToken);
        var problem = Refusal(result, mutation, out var request);
        if (problem is null)
        {
            @case.Acknowledge(request!["version"]!.GetValue<long>(), request["status"]!.GetValue<string>());
            return null;
        }

        if (!problem.StartsWith("INVALID_TRANSITION", StringComparison.Ordinal) && !problem.StartsWith("VERSION_MISMATCH", StringComparison.Ordinal))
        {
            return problem;
        }

        // Refused: did an earlier attempt of ours commit without us hearing of it?
        var read = await api.PostAsync(ReadQuery, new { id = @case.Id }, agentToken, cancellationToken);
        var current = read["data"]?["request"];
        if (current is null)
        {
            // The read itself failed (a dead silo's gateway, a timeout): that says nothing about the step. Try the step
            // again; its next refusal reads again.
            return $"{problem}; the read after it failed: {read.ToJsonString()}";
        }

        var mine = current["history"]?.AsArray().FirstOrDefault(h => h!["version"]!.GetValue<long>() == expected + 1);
        if (mine is not null && mine["status"]!.GetValue<string>() == status)
        {
            @case.Reconciled++;
            @case.Acknowledge(expected + 1, status);
            return null;
        }

        @case.Anomalies.Add($"{mutation} at version {expected} refused ({problem}) and not found in the history; read: {current.ToJsonString()}");
        return problem;
    }

    /// <summary>A problem's kind: "GraphQL CODE" for a GraphQL error, the refusal's code, or the transport exception's type.</summary>
    public static string KindOf(string problem) => problem.Split(':', 2)[0];

    /// <summary>Null when the payload carries the changed request (returned in <paramref name="request"/>); otherwise the problem.</summary>
    private static string? Refusal(JsonNode result, string field, out JsonNode? request)
    {
        request = result["data"]?[field]?["request"];
        if (result["errors"] is JsonArray { Count: > 0 } errors)
        {
            var code = errors[0]?["extensions"]?["code"]?.GetValue<string>() ?? "(no code)";
            return $"GraphQL {code}: " + (errors[0]?["message"]?.GetValue<string>() ?? errors.ToJsonString());
        }

        if (result["data"]?[field]?["errors"] is JsonArray { Count: > 0 } refusals)
        {
            return $"{refusals[0]?["code"]?.GetValue<string>()}: {refusals[0]?["message"]?.GetValue<string>()}";
        }

        return request is null ? "no request in the payload: " + result.ToJsonString() : null;
    }

    /// <summary>One request's life as the client saw it.</summary>
    public sealed class RequestCase(int number, string idempotencyKey)
    {
        private readonly Dictionary<long, string> _acknowledged = [];

        public int Number { get; } = number;

        public string IdempotencyKey { get; } = idempotencyKey;

        public string? Id { get; set; }

        public string? Reference { get; set; }

        /// <summary>The highest acknowledged version (0 before the submission is acknowledged).</summary>
        public long AcknowledgedVersion { get; private set; }

        /// <summary>Acknowledged versions and the status each led to.</summary>
        public IReadOnlyDictionary<long, string> AcknowledgedStatuses
        {
            get
            {
                lock (_acknowledged)
                {
                    return new Dictionary<long, string>(_acknowledged);
                }
            }
        }

        /// <summary>Steps acknowledged only after a retry was refused and the history showed the earlier attempt.</summary>
        public int Reconciled { get; set; }

        public string? LastProblem { get; set; }

        /// <summary>Why the case stopped before its last step, if it did.</summary>
        public string? Failure { get; set; }

        /// <summary>Things a client should never see (a different request for the same key, a step lost).</summary>
        public ConcurrentBag<string> Anomalies { get; } = [];

        public void Acknowledge(long version, string status)
        {
            lock (_acknowledged)
            {
                if (_acknowledged.TryGetValue(version, out var earlier) && earlier != status)
                {
                    Anomalies.Add($"version {version} acknowledged as {earlier} and as {status}");
                }

                _acknowledged[version] = status;
                AcknowledgedVersion = Math.Max(AcknowledgedVersion, version);
            }
        }
    }
}
