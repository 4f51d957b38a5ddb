using Actors.Contracts.Requests;

namespace Actors.Contracts.Retention;

/// <summary>The retention period of each final status, as configured (<see cref="RetentionOptions"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record RetentionPolicy([property: Id(0)] IReadOnlyList<RetentionPeriod> Periods)
{
    /// <summary>The period of a final status; null for a status that is not final (its data is still in use).</summary>
    public TimeSpan? PeriodOf(RequestStatus status) =>
        RequestTransitions.IsFinal(status) ? Periods.FirstOrDefault(p => p.Status == status)?.Period : null;

    /// <summary>When a request that reached <paramref name="status"/> at <paramref name="finalAt"/> is due for purge; null if never.</summary>
    public DateTimeOffset? DueAt(RequestStatus status, DateTimeOffset finalAt) =>
        PeriodOf(status) is { } period ? finalAt + period : null;
}
