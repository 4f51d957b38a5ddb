namespace Actors.Contracts.Requests.Index;

/// <summary>The time requests spent in one status (stays they have left), summarised.</summary>
public sealed record StatusDurationSummary(RequestStatus Status, DurationSummary Durations);
