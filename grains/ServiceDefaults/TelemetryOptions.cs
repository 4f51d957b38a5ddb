namespace Actors.ServiceDefaults;

/// <summary>Configuration section "Telemetry": where Prometheus scrapes, how many traces are kept.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Where traces, metrics and logs are pushed (OTLP); unset, nothing is pushed.</summary>
    public const string OtlpEndpointKey = "OpenTelemetry:Otlp:Endpoint";

    /// <summary><c>grpc</c> (the default, usually port 4317) or <c>http/protobuf</c> (usually 4318).</summary>
    public const string OtlpProtocolKey = "OpenTelemetry:Otlp:Protocol";

    /// <summary>
    /// The port of a listener that serves <c>/metrics</c> alone, on every interface (9464 in the manifests). 0: /metrics
    /// is served on the host's own port, as in local runs. Kept apart so that an Ingress in front of the host's port
    /// never exposes the metrics, and NetworkPolicies can open the port to the monitoring namespace only.
    /// </summary>
    public int MetricsPort { get; set; }

    /// <summary>
    /// The share of traces kept when an OTLP endpoint is set (1: every one). A trace is kept or dropped whole: the
    /// decision is taken where it starts, from its trace id, and followed by every span after it (parent-based).
    /// </summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary><see cref="TraceSampleRatio"/>, or a startup error that names the setting when it is not a share.</summary>
    public double CheckedTraceSampleRatio() => TraceSampleRatio is >= 0 and <= 1
        ? TraceSampleRatio
        : throw new InvalidOperationException(
            $"Telemetry:TraceSampleRatio is {TraceSampleRatio.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it is the share of traces kept, from 0 (none) to 1 (every one).");
}
