namespace Actors.Tests.Telemetry;

/// <summary>One sample line of a Prometheus text page.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
