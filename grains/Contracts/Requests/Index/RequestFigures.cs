namespace Actors.Contracts.Requests.Index;

/// <summary>
/// Figures over the filtered requests: how many, how many in a final status, completed (DELIVERED or ISSUED),
/// rejected and overdue, the time from submission to completion and the time spent in each status (ordered by status
/// name, ordinal).
/// </summary>
public sealed record RequestFigures(
    long Total,
    long Final,
    long Completed,
    long Rejected,
    long Overdue,
    DurationSummary TimeToCompletion,
    IReadOnlyList<StatusDurationSummary> TimeInStatus,
    DateTimeOffset AsOf);
