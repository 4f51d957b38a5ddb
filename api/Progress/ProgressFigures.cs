namespace Actors.Api.Progress;

/// <summary>The rates, overdue count and durations of a progress answer, after suppression.</summary>
public sealed record ProgressFigures(
    double? CompletionRate,
    double? RejectionRate,
    long? Overdue,
    DurationPercentiles TimeToCompletion,
    IReadOnlyList<StatusDurations> TimeInStatus);
