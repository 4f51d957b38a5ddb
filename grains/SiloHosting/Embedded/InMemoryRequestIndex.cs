using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;

namespace Actors.SiloHosting.Embedded;

/// <summary>The request index of the embedded mode (see <see cref="InMemoryIndex{TEntry, TFilter, TOrder}"/>), with its counts.</summary>
public sealed class InMemoryRequestIndex(TimeProvider clock)
    : InMemoryIndex<RequestIndexEntry, RequestFilter, RequestOrder>(clock), IRequestIndex
{
    /// <inheritdoc />
    public Task<RequestCounts> CountAsync(RequestFilter filter, IReadOnlyList<RequestDimension> groupBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(groupBy);
        var matching = Matching(filter);
        var dimensions = groupBy.Distinct().ToList();
        var groups = matching
            .GroupBy(e => string.Join('\u001f', dimensions.Select(d => RequestDimensions.ValueOf(e, d))), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RequestCountGroup(
                dimensions.ToDictionary(d => d, d => RequestDimensions.ValueOf(g.First(), d)), g.LongCount()))
            .ToList();
        return Task.FromResult(new RequestCounts(groups, matching.Count, AsOf));
    }

    /// <inheritdoc />
    public Task<RequestFigures> FiguresAsync(RequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = Matching(filter);
        var completion = matching.Select(e => e.CompletionSeconds).OfType<long>().Order().ToList();
        var timeInStatus = matching
            .SelectMany(e => e.Stays)
            .GroupBy(s => s.Status)
            .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => new StatusDurationSummary(g.Key, Summary([.. g.Select(s => s.Seconds).Order()])))
            .ToList();
        return Task.FromResult(new RequestFigures(
            Total: matching.Count,
            Final: matching.Count(e => RequestTransitions.IsFinal(e.Status)),
            Completed: matching.Count(e => e.Status is RequestStatus.Delivered or RequestStatus.Issued),
            Rejected: matching.Count(e => e.Status == RequestStatus.Rejected),
            Overdue: matching.Count(e => e.OverdueSince.HasValue),
            TimeToCompletion: Summary(completion),
            TimeInStatus: timeInStatus,
            AsOf));
    }

    private static DurationSummary Summary(List<long> sorted) =>
        new(sorted.Count, StatusStays.Percentile(sorted, 0.5), StatusStays.Percentile(sorted, 0.9));

    protected override RequestIndexEntry Stored(RequestIndexEntry entry) =>
        entry with
        {
            SubmittedAt = entry.SubmittedAt.ToUniversalTime(),
            UpdatedAt = entry.UpdatedAt.ToUniversalTime(),
            DueAt = entry.DueAt?.ToUniversalTime(),
            OverdueSince = entry.OverdueSince?.ToUniversalTime(),
            EscalatedAt = entry.EscalatedAt?.ToUniversalTime(),
        };

    protected override bool Matches(RequestFilter filter, RequestIndexEntry entry) =>
        (filter.Kinds is not { Count: > 0 } || filter.Kinds.Contains(entry.Kind))
        && (filter.Statuses is not { Count: > 0 } || filter.Statuses.Contains(entry.Status))
        && (filter.Governorates is not { Count: > 0 } || filter.Governorates.Contains(entry.Governorate))
        && (filter.CenterIds is not { Count: > 0 } || filter.CenterIds.Contains(entry.CenterId))
        && filter.MatchesOwner(entry.OwnerIssuer, entry.OwnerSubject, entry.OwnerNationalIdNumber)
        && (filter.SubmittedFrom is null || entry.SubmittedAt >= filter.SubmittedFrom)
        && (filter.SubmittedBefore is null || entry.SubmittedAt < filter.SubmittedBefore)
        && (filter.IsPupil is null || filter.IsPupil == entry.IsPupil)
        && (filter.Overdue is null || filter.Overdue == entry.OverdueSince.HasValue)
        && (filter.Escalated is null || filter.Escalated == entry.EscalatedAt.HasValue)
        && (filter.SchoolCode is null || string.Equals(filter.SchoolCode, entry.SchoolCode, StringComparison.Ordinal));
}
