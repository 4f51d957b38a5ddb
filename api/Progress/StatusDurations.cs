using Actors.Contracts.Requests;

namespace Actors.Api.Progress;

/// <summary>The time requests spent in one status before moving on.</summary>
public sealed record StatusDurations(RequestStatus Status, DurationPercentiles Durations);
