using System.Net;
using System.Net.Http.Headers;
using System.Diagnostics.Metrics;
using System.Text;
using Actors.Telemetry;

namespace Actors.Tests.Telemetry;

/// <summary>
/// A real silo process as deployed: readiness follows PostgreSQL, metrics on their own port, the dashboard locked; and
/// the alert rules, whose metrics must be among what this silo and the API export.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SiloTelemetryTests(SiloTelemetryFixture silo, TelemetryApiFactory api) : IClassFixture<SiloTelemetryFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_dashboard_refuses_a_request_without_the_operators_credentials()
    {
        // No redirects followed: HttpClient would drop the credentials on the way.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = silo.Silo, Timeout = TimeSpan.FromSeconds(30) };

        using var anonymous = await http.GetAsync("/orleans", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var wrong = await GetAs(http, "/orleans", "operator", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var otherUser = await GetAs(http, "/orleans", "someone", SiloTelemetryFixture.DashboardPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, otherUser.StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/orleans");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SiloTelemetryFixture.DashboardPassword);
        using var bearerAnswer = await http.SendAsync(bearer, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, bearerAnswer.StatusCode);

        using var operatorAnswer = await GetAs(http, "/orleans", "operator", SiloTelemetryFixture.DashboardPassword);
        Assert.True(operatorAnswer.IsSuccessStatusCode || (int)operatorAnswer.StatusCode is >= 300 and < 400,
            $"the operator was answered {(int)operatorAnswer.StatusCode}");
    }

    [Fact]
    public async Task Metrics_are_served_on_the_metrics_port_and_not_on_the_silos_own_port()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var onOwnPort = await http.GetAsync(new Uri(silo.Silo, "/metrics"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, onOwnPort.StatusCode);

        // The outbox gauges appear once the relay has its checkpoints and the sampler has run (every 15 s). Each
        // consumer's relay creates its checkpoint on its first pass, so a sample may hold some consumers before others:
        // wait for the one asserted on, not for the gauge's name alone.
        static bool HasRequestIndexLag(PrometheusScrape s) =>
            s.Samples.Any(sample => sample.Name == "actors_outbox_pending" && sample.Labels.GetValueOrDefault("consumer") == "request-index");
        var scrape = await ScrapeUntil(http, s => HasRequestIndexLag(s) && s.Names.Contains("actors_read_model_lag_seconds"));
        Assert.Contains(scrape.Names, n => n.StartsWith("db_client_", StringComparison.Ordinal));
        Assert.Contains(scrape.Names, n => n.StartsWith("orleans_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_follows_PostgreSQL()
    {
        using var http = new HttpClient { BaseAddress = silo.Silo, Timeout = TimeSpan.FromSeconds(30) };
        await ReadyUntil(http, HttpStatusCode.OK);
        await silo.StopPostgresAsync();
        try
        {
            var unready = await ReadyUntil(http, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("Unhealthy", unready, StringComparison.Ordinal);

            // Liveness is not readiness: the silo is not restarted for a lost database.
            using var live = await http.GetAsync("/health/live", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await silo.StartPostgresAsync();
        }

        await ReadyUntil(http, HttpStatusCode.OK);
    }

    [Fact]
    public void Every_alert_rule_is_complete_and_explained_in_the_runbook()
    {
        var rules = AlertRules.Load().Rules;
        var runbook = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));
        var alertsSection = runbook[runbook.IndexOf("\n## Alerts\n", StringComparison.Ordinal)..];
        string[] wanted =
        [
            "ActorsNoReadySilo", "ActorsPostgresUnreachable", "ActorsOutboxLag", "ActorsReadModelLag", "ActorsOutsideSystemFailureRate",
            "ActorsPaymentDeclineSpike", "ActorsHttp5xxRate", "ActorsHttpP99Latency",
        ];
        Assert.Empty(wanted.Except(rules.Select(r => r.Alert)));
        Assert.Equal(rules.Count, rules.Select(r => r.Alert).Distinct().Count());
        foreach (var rule in rules)
        {
            Assert.Matches(@"^\d+[smh]$", rule.For);
            Assert.Contains(rule.Severity, new[] { "critical", "warning", "info" });
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary), rule.Alert + " has no summary");
            Assert.Equal("docs/operations.md#" + rule.Alert.ToLowerInvariant(), rule.Runbook);
            Assert.Contains($"\n### {rule.Alert}\n", alertsSection, StringComparison.Ordinal);
            Assert.Equal(Count(rule.Expr, '('), Count(rule.Expr, ')'));
            Assert.NotEmpty(AlertRules.MetricNames(rule.Expr));
        }
    }

    [Fact]
    public void The_rules_metric_reader_finds_metrics_and_skips_functions_labels_and_ranges()
    {
        Assert.Equal(
            ["actors_payments_total", "http_server_request_duration_seconds_bucket"],
            AlertRules.MetricNames(
                "histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{http_request_method=\"POST\"}[5m]))) > 2 "
                + "and sum(increase(actors_payments_total{status=~\"CAPTURED|DECLINED\"}[15m])) > 10 or vector(0)").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_metric_the_alert_rules_name_is_exported()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // Traffic first, so that the API's request histogram and a refusal have samples.
        await api.GraphQL("{ governorates { code } }");
        await api.GraphQL("{ governorates { code } }" + new string(' ', 40_000));
        var siloScrape = await ScrapeUntil(http, s => s.Names.Contains("actors_outbox_oldest_pending_age_seconds") && s.Names.Contains("actors_health"));
        var apiScrape = await PrometheusScrape.FetchAsync(api.Http, new Uri(api.BaseAddress, "/metrics"));
        var scraped = siloScrape.Names.Union(apiScrape.Names).ToHashSet(StringComparer.Ordinal);

        // Instruments that have no sample until something happens (a failure, a payment) count by their exported names;
        // the naming is checked on those that do have samples.
        var instruments = ActorsInstrumentNames();
        foreach (var name in new[] { "actors_transitions_total", "actors_outbox_pending", "actors_outbox_oldest_pending_age_seconds", "actors_requests_rejected_total", "actors_health" })
        {
            Assert.Contains(name, instruments);
            Assert.Contains(name, scraped);
        }

        var known = scraped.Union(instruments).ToHashSet(StringComparer.Ordinal);
        var unknown = AlertRules.Load().Rules
            .SelectMany(rule => AlertRules.MetricNames(rule.Expr).Where(name => !known.Contains(name)).Select(name => $"{rule.Alert}: {name}"))
            .ToList();
        Assert.Empty(unknown);
    }

    /// <summary>The Prometheus names of the "Actors" meter's instruments, as OpenTelemetry's exporter writes them.</summary>
    private static HashSet<string> ActorsInstrumentNames()
    {
        // The meter's instruments exist once ActorsMetrics is initialised, which the embedded API has done by now anyway.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(ActorsMetrics).TypeHandle);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name != ActorsTelemetry.Name)
            {
                return;
            }

            var name = instrument.Name.Replace('.', '_');
            if (instrument.Unit == "s")
            {
                name += "_seconds";
            }

            var type = instrument.GetType().GetGenericTypeDefinition();
            if (type == typeof(Counter<>))
            {
                names.Add(name + "_total");
            }
            else if (type == typeof(Histogram<>))
            {
                names.UnionWith([name + "_bucket", name + "_sum", name + "_count"]);
            }
            else
            {
                names.Add(name);
            }
        };
        listener.Start();
        return names;
    }

    private static int Count(string text, char c) => text.Count(x => x == c);

    private static async Task<HttpResponseMessage> GetAs(HttpClient http, string path, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<PrometheusScrape> ScrapeUntil(HttpClient http, Func<PrometheusScrape, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var scrape = await PrometheusScrape.FetchAsync(http, silo.Metrics);
            if (condition(scrape))
            {
                return scrape;
            }

            Assert.True(DateTime.UtcNow < deadline, "The silo's metrics did not show it in time:\n" + scrape.Text);
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls /health/ready until it answers <paramref name="wanted"/>; returns the body.</summary>
    private static async Task<string> ReadyUntil(HttpClient http, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == wanted)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (TaskCanceledException)
            {
                // A check that took longer than the client's timeout: ask again.
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"/health/ready did not answer {(int)wanted} within {Patience}; last: {last}");
    }
}
