namespace Actors.ServiceDefaults;

/// <summary>Configuration section "Telemetry": where Prometheus scrapes.</summary>
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
}
