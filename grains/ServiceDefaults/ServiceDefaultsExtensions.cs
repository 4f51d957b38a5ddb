using Actors.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Actors.ServiceDefaults;

/// <summary>What every host (api, silo) gets the same way: telemetry, JSON logs, health endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Npgsql 10's own activity source and meter (no extra package).</summary>
    public const string Npgsql = "Npgsql";

    public static WebApplicationBuilder AddActorsServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";

                // The activity tracking scope carries TraceId and SpanId: a log line is found from its trace and back.
                json.IncludeScopes = true;
            });
        }

        builder.Logging.Configure(logging =>
            logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var traceSampleRatio = telemetry.CheckedTraceSampleRatio();
        var openTelemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans")
                    .AddMeter(ActorsTelemetry.Name, Npgsql);
                if (telemetry.MetricsPort > 0)
                {
                    metrics.AddPrometheusHttpListener(listener =>
                    {
                        listener.Port = telemetry.MetricsPort;
                        listener.ScrapeEndpointPath = "/metrics";

                        // Every interface (Prometheus scrapes the pod's IP), in place of the default localhost prefix.
                        listener.ConfigureHttpListener = static (options, http) =>
                        {
                            http.Prefixes.Clear();
                            http.Prefixes.Add($"http://+:{options.Port}/metrics/");
                        };
                    });
                }
                else
                {
                    metrics.AddPrometheusExporter();
                }
            });

        // Spans are built only when they go somewhere: without a collector nothing would read them, and recording them
        // (tags, the processors at every stop) cost the hosts CPU on every request, grain step and command
        // (docs/benchmarks.md, session 34). A request's log lines keep their TraceId without it: ASP.NET Core starts
        // its own activity for the logs' scopes whether or not anything listens.
        if (builder.Configuration[TelemetryOptions.OtlpEndpointKey] is { Length: > 0 } endpoint)
        {
            openTelemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(traceSampleRatio)))
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = ctx => !IsProbe(ctx.Request.Path))
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application")
                .AddSource(ActorsTelemetry.Name, Npgsql));
            var protocol = builder.Configuration[TelemetryOptions.OtlpProtocolKey] is "http/protobuf"
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            openTelemetry.UseOtlpExporter(protocol, new Uri(endpoint));
        }

        // A host on PostgreSQL adds its "postgres" readiness check where it configures PostgreSQL (Actors.Persistence).
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<ClusterHealthCheck>("orleans", tags: [ReadyTag]);

        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetricsPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Predicate = check => check.Tags.Contains(ReadyTag);
            publisher.Delay = TimeSpan.FromSeconds(2);
            publisher.Period = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    public static WebApplication MapActorsServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        if (MetricsPort(app.Configuration) == 0)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }

    /// <summary>The separate metrics port, 0 when /metrics is served on the host's own port.</summary>
    public static int MetricsPort(IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.MetricsPort ?? 0;

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);
}
