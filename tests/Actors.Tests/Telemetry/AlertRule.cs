namespace Actors.Tests.Telemetry;

/// <summary>One alerting rule of k8s/monitoring/alerts.yaml.</summary>
public sealed record AlertRule(string Alert, string Expr, string For, string Severity, string Summary, string Runbook);
