namespace Actors.Telemetry;

/// <summary>
/// How far one outbox consumer is behind, as last sampled from PostgreSQL.
/// </summary>
/// <param name="Consumer">The consumer's checkpoint name (e.g. <c>request-index</c>).</param>
/// <param name="Pending">Committed outbox events beyond its checkpoint (capped by the sampler).</param>
/// <param name="OldestPendingAgeSeconds">How long the oldest of them has waited; 0 when none waits.</param>
/// <param name="LagSeconds">Time between the newest committed event and the last one it applied; 0 when caught up.</param>
public sealed record OutboxLagReading(string Consumer, long Pending, double OldestPendingAgeSeconds, double LagSeconds);
