using Actors.Tests.Api;

namespace Actors.Tests.Telemetry;

/// <summary>
/// Our metrics as Prometheus sees them: scraped from the real API host's /metrics (embedded silo, automatic pathway)
/// after real requests. Counters are compared before and after, in a collection that runs alone.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ActorsMetricsTests(TelemetryApiFactory api)
{
    private const string Transitions = "actors_transitions_total";

    private static readonly (string, string)[] CardSubmitted =
        [("aggregate", "citizen-request"), ("event", "RequestSubmitted"), ("kind", "NATIONAL_ID_CARD"), ("status", "SUBMITTED")];

    [Fact]
    public async Task A_submitted_request_counts_one_transition_and_its_idempotent_retry_none()
    {
        var citizen = await api.Token("CITIZEN", "telemetry-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        var before = (await Scrape()).Sum(Transitions, CardSubmitted);

        var first = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "telemetry-once"), citizen);
        var retried = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "telemetry-once"), citizen);
        Assert.Equal(RequestId(first), RequestId(retried));
        var second = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "telemetry-other"), citizen);
        Assert.NotEqual(RequestId(first), RequestId(second));

        // Two requests, three submissions: the retry returned the first request without committing anything.
        var after = await ScrapeUntil(s => s.Sum(Transitions, CardSubmitted) >= before + 2);
        Assert.Equal(before + 2, after.Sum(Transitions, CardSubmitted));
    }

    [Fact]
    public async Task Calls_to_outside_systems_are_timed_by_system_and_outcome()
    {
        var before = (await Scrape()).Sum("actors_outside_system_duration_seconds_count", ("system", "CivilRegistry"), ("outcome", "ok"));
        var citizen = await api.Token("CITIZEN", "telemetry-" + Guid.NewGuid().ToString("N")[..8], nationalIdNumber: "01234567");
        await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput("TN11-GU1", "telemetry-registry"), citizen);

        // The automatic pathway asks the civil registry (the sandbox) who the applicant is, from the outbox, soon after.
        var after = await ScrapeUntil(s => s.Sum("actors_outside_system_duration_seconds_count", ("system", "CivilRegistry"), ("outcome", "ok")) > before);
        Assert.Contains(after.Samples, s => s.Name == "actors_outside_system_duration_seconds_bucket" && s.Labels.GetValueOrDefault("system") == "CivilRegistry");
    }

    [Fact]
    public async Task A_request_refused_by_the_request_gate_is_counted_by_its_code()
    {
        var labels = new[] { ("code", "DOCUMENT_TOO_LARGE"), ("by", "request-gate") };
        var before = (await Scrape()).Sum("actors_requests_rejected_total", labels);
        var refused = await api.GraphQL("{ governorates { code } }" + new string(' ', 40_000));
        Assert.Equal("DOCUMENT_TOO_LARGE", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var after = await ScrapeUntil(s => s.Sum("actors_requests_rejected_total", labels) >= before + 1);
        Assert.Equal(before + 1, after.Sum("actors_requests_rejected_total", labels));
    }

    [Fact]
    public async Task Readiness_checks_are_exported_as_a_gauge()
    {
        // The embedded host has a silo: its readiness includes the silo's membership status.
        var scrape = await ScrapeUntil(s => s.Sum("actors_health", ("check", "silo-active")) == 1 && s.Sum("actors_health", ("check", "orleans")) == 1);
        Assert.DoesNotContain(scrape.Samples, s => s.Name == "actors_health" && s.Labels.GetValueOrDefault("check") == "postgres");
    }

    private static string RequestId(System.Text.Json.Nodes.JsonNode result) =>
        result["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();

    private Task<PrometheusScrape> Scrape() => PrometheusScrape.FetchAsync(api.Http, new Uri(api.BaseAddress, "/metrics"));

    /// <summary>Scrapes until <paramref name="condition"/> holds (the exporter caches a scrape briefly), failing after a minute.</summary>
    private async Task<PrometheusScrape> ScrapeUntil(Func<PrometheusScrape, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var scrape = await Scrape();
            if (condition(scrape))
            {
                return scrape;
            }

            Assert.True(DateTime.UtcNow < deadline, "The metrics did not show it within 60 s:\n" + scrape.Text);
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
