using Actors.Api.Progress;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Progress;

/// <summary>No rate or percentile over fewer requests than the threshold; exact figures when nothing is withheld.</summary>
public sealed class ProgressFiguresSuppressionTests
{
    [Fact]
    public void RatesAndPercentilesOverEnoughRequestsAreShown()
    {
        var figures = new RequestFigures(Total: 100, Final: 40, Completed: 30, Rejected: 10, Overdue: 7,
            new DurationSummary(30, 36_000, 90_000), [new StatusDurationSummary(RequestStatus.Verifying, new DurationSummary(60, 1800, 7200))], DateTimeOffset.UnixEpoch);

        var shown = ProgressReport.Suppressed(figures, threshold: 5);

        Assert.Equal(0.75, shown.CompletionRate);
        Assert.Equal(0.25, shown.RejectionRate);
        Assert.Equal(7, shown.Overdue);
        Assert.Equal(new DurationPercentiles(10, 25, 30, Suppressed: false), shown.TimeToCompletion);
        Assert.Equal(new StatusDurations(RequestStatus.Verifying, new DurationPercentiles(0.5, 2, 60, false)), Assert.Single(shown.TimeInStatus));
    }

    [Fact]
    public void SmallDenominatorsNumeratorsAndSamplesAreWithheld()
    {
        var figures = new RequestFigures(Total: 100, Final: 40, Completed: 37, Rejected: 2, Overdue: 4,
            new DurationSummary(4, 36_000, 90_000),
            [
                new StatusDurationSummary(RequestStatus.Paid, new DurationSummary(3, 60, 120)),
                new StatusDurationSummary(RequestStatus.Verifying, new DurationSummary(5, 60, 120)),
            ],
            DateTimeOffset.UnixEpoch);

        var shown = ProgressReport.Suppressed(figures, threshold: 5);

        // 37 of 40 leaves 3 not completed: the rate would give that 3 away; 2 rejected likewise.
        Assert.Null(shown.CompletionRate);
        Assert.Null(shown.RejectionRate);
        Assert.Null(shown.Overdue);
        Assert.Equal(new DurationPercentiles(null, null, null, Suppressed: true), shown.TimeToCompletion);
        Assert.True(shown.TimeInStatus[0].Durations.Suppressed);
        Assert.False(shown.TimeInStatus[1].Durations.Suppressed);

        var fewFinal = ProgressReport.Suppressed(figures with { Final = 4, Completed = 0, Rejected = 0 }, threshold: 5);
        Assert.Null(fewFinal.CompletionRate);

        // Nothing is withheld from a supervisor or an agent (threshold 0).
        var exact = ProgressReport.Suppressed(figures, threshold: 0);
        Assert.Equal(37.0 / 40, exact.CompletionRate);
        Assert.Equal(4, exact.Overdue);
        Assert.Equal(4, exact.TimeToCompletion.Count);
    }
}
