using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Actors.Api.Requests;
using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests.Index;

namespace Actors.Api.Progress;

/// <summary>
/// One progress answer, the same for the query, the CSV export and the live subscription: the caller's scope, the
/// counts, suppression for ANALYST and OPERATOR, and the figures on demand.
/// <para>
/// <c>projectionLagSeconds</c> is the time of the question minus the index's <c>asOf</c>: 0 when the read model has applied every event
/// (always so in embedded mode, where events are applied before the grain call returns); otherwise how long ago it
/// was last caught up with the outbox, i.e. an upper bound on how old the newest missing change can be.
/// </para>
/// </summary>
public static class ProgressReport
{
    public const int MaxDimensions = 3;

    /// <summary>The roles that read progress; every other role is refused.</summary>
    public static readonly ActorRole[] Readers = [ActorRole.Analyst, ActorRole.Operator, ActorRole.Supervisor, ActorRole.Agent];

    public static async Task<RequestProgress> ReadAsync(
        IRequestIndex index, ProgressAnswers answers, TimeProvider clock, Actor actor, RequestWhere where, IReadOnlyList<RequestDimension> groupBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(actor);
        var dimensions = groupBy.Distinct().ToList();
        if (dimensions.Count > MaxDimensions)
        {
            throw ApiErrors.BadInput($"Group by at most {MaxDimensions} dimensions.", "groupBy");
        }

        var filter = RequestQueries.Scoped(actor, where);

        // Asked before the read: an index that is up to date answers as of this instant or later, hence a lag of 0.
        var asked = clock.GetUtcNow();
        var counts = await answers.CountAsync(index, filter, dimensions, cancellationToken);
        var threshold = ThresholdFor(actor);
        var withheld = WithheldFrom(counts, dimensions, threshold);
        var groups = counts.Groups
            .Select((g, i) => new ProgressGroup(g.Key, withheld.Contains(i) ? null : g.Count, withheld.Contains(i)))
            .ToList();
        var hiddenTotal = SmallGroupSuppression.IsSmall(counts.Total, threshold);
        var lag = Math.Max(0, (asked - counts.AsOf).TotalSeconds);
        var figures = new Lazy<Task<ProgressFigures>>(async () => Suppressed(await answers.FiguresAsync(index, filter, cancellationToken), threshold));
        return new RequestProgress(groups, hiddenTotal ? null : counts.Total, counts.AsOf, threshold, lag, figures);
    }

    /// <summary>
    /// The groups withheld from an answer at a threshold, worked out once per answer: a shared answer
    /// (<see cref="ProgressAnswers"/>) is asked for again and again, and its suppression walks every line of the
    /// breakdown until nothing changes. The dimensions are part of the answer's question, so the answer and the
    /// threshold decide the result.
    /// </summary>
    private static IReadOnlySet<int> WithheldFrom(RequestCounts counts, IReadOnlyList<RequestDimension> dimensions, int threshold) =>
        WithheldByAnswer.GetValue(counts, _ => new ConcurrentDictionary<int, IReadOnlySet<int>>())
            .GetOrAdd(threshold, t => SmallGroupSuppression.Withheld(counts.Groups, dimensions, t));

    private static readonly ConditionalWeakTable<RequestCounts, ConcurrentDictionary<int, IReadOnlySet<int>>> WithheldByAnswer = new();

    /// <summary>Counts from 1 to this minus one are withheld: from analysts and operators, who see the whole country.</summary>
    public static int ThresholdFor(Actor actor) =>
        actor.Role is ActorRole.Analyst or ActorRole.Operator ? ProgressQueries.SuppressionThreshold : 0;

    /// <summary>
    /// The figures as the caller may see them. A rate is withheld when fewer than the threshold requests are in a final
    /// status, or when its numerator or what it leaves out (final − numerator) is a small count: with the rate and
    /// the denominator, either could be worked out. Percentiles over fewer durations than the threshold are withheld.
    /// </summary>
    public static ProgressFigures Suppressed(RequestFigures figures, int threshold)
    {
        ArgumentNullException.ThrowIfNull(figures);
        double? Rate(long part) =>
            figures.Final == 0 || figures.Final < threshold
            || SmallGroupSuppression.IsSmall(part, threshold) || SmallGroupSuppression.IsSmall(figures.Final - part, threshold)
                ? null
                : (double)part / figures.Final;

        return new ProgressFigures(
            Rate(figures.Completed),
            Rate(figures.Rejected),
            SmallGroupSuppression.IsSmall(figures.Overdue, threshold) ? null : figures.Overdue,
            Percentiles(figures.TimeToCompletion, threshold),
            figures.TimeInStatus.Select(s => new StatusDurations(s.Status, Percentiles(s.Durations, threshold))).ToList());
    }

    private static DurationPercentiles Percentiles(DurationSummary summary, int threshold) =>
        summary.Count > 0 && summary.Count < threshold
            ? new DurationPercentiles(null, null, null, Suppressed: true)
            : new DurationPercentiles(Hours(summary.P50Seconds), Hours(summary.P90Seconds), summary.Count, Suppressed: false);

    private static double? Hours(long? seconds) => seconds / 3600.0;
}
