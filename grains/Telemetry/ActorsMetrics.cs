using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actors.Telemetry;

/// <summary>
/// Every instrument of the "Actors" meter. Prometheus names (OpenTelemetry's exporter turns dots into underscores and
/// adds <c>_total</c> to counters and the unit to the others) are listed in docs/operations.md "Telemetry"; the alert
/// rules in k8s/monitoring/alerts.yaml use them, and a test checks that each one they name is exported.
/// </summary>
public static class ActorsMetrics
{
    private static readonly Counter<long> Transitions = ActorsTelemetry.Meter.CreateCounter<long>(
        "actors.transitions", "{transition}", "Domain steps committed with their events, once each (a retried or replayed step is not counted).");

    private static readonly Histogram<double> OutsideSystemDuration = ActorsTelemetry.Meter.CreateHistogram<double>(
        "actors.outside_system.duration", "s", "Calls to outside systems, retries included, by system, operation and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly Counter<long> OutsideSystemFailures = ActorsTelemetry.Meter.CreateCounter<long>(
        "actors.outside_system.failures", "{call}", "Calls to outside systems that failed after resilience, by reason (timeout, circuit-open, server-error).");

    private static readonly Counter<long> Payments = ActorsTelemetry.Meter.CreateCounter<long>(
        "actors.payments", "{payment}", "Payment attempts reaching a status (CREATED, AUTHORISED, CAPTURED, DECLINED, EXPIRED, REFUNDED).");

    private static readonly Counter<long> RejectedRequests = ActorsTelemetry.Meter.CreateCounter<long>(
        "actors.requests.rejected", "{request}", "Requests refused before they ran, by refusal code and by what refused them.");

    private static readonly Histogram<int> WritesPerCommit = ActorsTelemetry.Meter.CreateHistogram<int>(
        "actors.grain_state.writes_per_commit", "{write}", "Grain state writes committed together by one transaction (GrainStorage:GroupCommit).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });

    private static readonly Histogram<double> ReadQueryWait = ActorsTelemetry.Meter.CreateHistogram<double>(
        "actors.read_model.query_wait", "s", "How long each read-model query (a list page, a count) waited for its turn under ReadModels:MaxConcurrentQueries (0 when a slot was free).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private static OutboxLagReading[] outboxLag = [];

    private static KeyValuePair<string, bool>[] health = [];

    static ActorsMetrics()
    {
        ActorsTelemetry.Meter.CreateObservableGauge(
            "actors.outbox.pending", () => Observe(r => r.Pending), "{event}", "Committed outbox events a consumer has not applied yet.");
        ActorsTelemetry.Meter.CreateObservableGauge(
            "actors.outbox.oldest_pending_age", () => Observe(r => r.OldestPendingAgeSeconds), "s",
            "How long the oldest outbox event a consumer has not applied has been waiting.");
        ActorsTelemetry.Meter.CreateObservableGauge(
            "actors.read_model.lag", () => Observe(r => r.LagSeconds), "s",
            "How far a consumer's position is behind the outbox head, in the database's time.");
        ActorsTelemetry.Meter.CreateObservableGauge(
            "actors.health", ObserveHealth, "{check}", "1 while a readiness check passes, 0 while it fails (postgres, orleans, silo-active).");
    }

    /// <summary>Tag values of <see cref="Transition"/> when an aggregate has no kind or status of its own.</summary>
    public const string None = "";

    /// <summary>Who refused a request before it ran (the <c>by</c> tag of <c>actors.requests.rejected</c>).</summary>
    public const string ByRequestGate = "request-gate";

    public const string ByRateLimiter = "rate-limiter";

    public const string ByExpensiveOperations = "expensive-operations";

    public const string ByWebSocket = "websocket";

    public static void Transition(string aggregate, string @event, string kind, string status) =>
        Transitions.Add(1, new TagList { { "aggregate", aggregate }, { "event", @event }, { "kind", kind }, { "status", status } });

    /// <summary>One call to an outside system: <paramref name="outcome"/> is <c>ok</c>, <c>refused</c> (a business answer) or the failure reason.</summary>
    public static void OutsideSystemCall(string system, string operation, string outcome, TimeSpan elapsed, bool failed)
    {
        var tags = new TagList { { "system", system }, { "operation", operation }, { "outcome", outcome } };
        OutsideSystemDuration.Record(elapsed.TotalSeconds, tags);
        if (failed)
        {
            OutsideSystemFailures.Add(1, new TagList { { "system", system }, { "operation", operation }, { "reason", outcome } });
        }
    }

    /// <summary>One transaction of the group commit, with the number of grains' writes it carried.</summary>
    public static void GroupCommitted(int writes) => WritesPerCommit.Record(writes);

    /// <summary>A read-model query's wait for its turn (zero when a slot was free).</summary>
    public static void ReadQueryWaited(TimeSpan waited) => ReadQueryWait.Record(waited.TotalSeconds);

    public static void Payment(string status) => Payments.Add(1, new TagList { { "status", status } });

    public static void Rejected(string code, string by) => RejectedRequests.Add(1, new TagList { { "code", code }, { "by", by } });

    /// <summary>The latest sample of the outbox consumers' lag; the gauges report it until the next one.</summary>
    public static void OutboxLag(IEnumerable<OutboxLagReading> readings) => Volatile.Write(ref outboxLag, readings.ToArray());

    /// <summary>The latest result of each readiness check of this host.</summary>
    public static void Health(IEnumerable<KeyValuePair<string, bool>> checks) => Volatile.Write(ref health, checks.ToArray());

    private static IEnumerable<Measurement<int>> ObserveHealth() =>
        Volatile.Read(ref health).Select(c => new Measurement<int>(c.Value ? 1 : 0, new KeyValuePair<string, object?>("check", c.Key)));

    private static IEnumerable<Measurement<double>> Observe(Func<OutboxLagReading, double> value) =>
        Volatile.Read(ref outboxLag).Select(r => new Measurement<double>(value(r), new KeyValuePair<string, object?>("consumer", r.Consumer)));
}
