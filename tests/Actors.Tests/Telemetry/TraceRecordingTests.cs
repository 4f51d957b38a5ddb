using System.Diagnostics;
using Actors.ServiceDefaults;
using Actors.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Actors.Tests.Telemetry;

/// <summary>
/// Spans are built only when an OTLP collector receives them, then as many as <c>Telemetry:TraceSampleRatio</c> keeps:
/// a real host with the service defaults (the API's and the silo's), on Kestrel, configured each way.
/// </summary>
public sealed class TraceRecordingTests
{
    [Fact]
    public async Task Without_a_collector_no_span_is_recorded_and_a_request_still_has_a_trace_id_for_its_logs()
    {
        await using var app = await StartAsync([]);

        Assert.Null(app.Services.GetService<TracerProvider>());
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var answer = await http.GetStringAsync(new Uri("/trace", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Matches("^[0-9a-f]{32} recorded=False$", answer);
    }

    [Fact]
    public async Task With_a_collector_the_set_share_of_traces_is_kept_whole()
    {
        await using var app = await StartAsync(new()
        {
            [TelemetryOptions.OtlpEndpointKey] = "http://127.0.0.1:9",
            ["Telemetry:TraceSampleRatio"] = "0.25",
        });
        Assert.NotNull(app.Services.GetService<TracerProvider>());

        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            const int Traces = 2_000;
            var kept = 0;
            for (var i = 0; i < Traces; i++)
            {
                using var root = ActorsTelemetry.Source.StartActivity("trace-recording-test");
                if (root is { Recorded: true })
                {
                    kept++;

                    // A kept trace keeps its spans: the decision taken at its root is followed (parent-based).
                    using var child = ActorsTelemetry.Source.StartActivity("trace-recording-test child");
                    Assert.True(child is { Recorded: true });
                }
            }

            // A quarter of 2,000 is 500; the ratio sampler decides from random trace ids (σ ≈ 19): 350–650 is ±7.8σ.
            Assert.InRange(kept, 350, 650);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void A_trace_sample_ratio_that_is_not_a_share_stops_the_host_and_names_the_setting(string ratio)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = ratio });

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddActorsServiceDefaults("trace-recording-test"));
        Assert.Contains("Telemetry:TraceSampleRatio is " + ratio, refused.Message, StringComparison.Ordinal);
        Assert.Contains("from 0 (none) to 1 (every one)", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddActorsServiceDefaults("trace-recording-test");
        var app = builder.Build();
        app.MapGet("/trace", () => Activity.Current is { } current
            ? $"{current.TraceId.ToHexString()} recorded={current.Recorded}"
            : "no activity");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
