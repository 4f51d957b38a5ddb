using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Progress;

/// <summary>Stays and completion times from a history, and the nearest-rank percentile, by hand.</summary>
public sealed class StatusStaysTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 9, 15, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void StaysMergeStepsThatKeepTheStatusAndLeaveTheCurrentOneOut()
    {
        HistoryEntry[] history =
        [
            Step(1, RequestStatus.Submitted, 0),
            Step(2, RequestStatus.Verifying, 30),
            Step(3, RequestStatus.Verifying, 50), // a step that keeps the status
            Step(4, RequestStatus.AwaitingPayment, 90),
            Step(5, RequestStatus.Delivered, 600),
            Step(6, RequestStatus.Delivered, 700),
        ];

        // Out of order on purpose: versions decide.
        var stays = StatusStays.Of([.. history.Reverse()]);

        Assert.Equal(
            [new StatusStay(RequestStatus.Submitted, 1800), new StatusStay(RequestStatus.Verifying, 3600), new StatusStay(RequestStatus.AwaitingPayment, 30600)],
            stays);
        Assert.Equal(36_000, StatusStays.CompletionSeconds(Submitted, history));
        Assert.Null(StatusStays.CompletionSeconds(Submitted, history.Take(4).ToList()));
        Assert.Empty(StatusStays.Of([Step(1, RequestStatus.Submitted, 0)]));
    }

    [Fact]
    public void PercentilesAreNearestRank()
    {
        long[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(5, StatusStays.Percentile(ten, 0.5));
        Assert.Equal(9, StatusStays.Percentile(ten, 0.9));
        Assert.Equal(7, StatusStays.Percentile([7], 0.9));
        Assert.Equal(2, StatusStays.Percentile([1, 2, 3], 0.5));
        Assert.Null(StatusStays.Percentile([], 0.5));
    }

    private static HistoryEntry Step(long version, RequestStatus status, int minutes) =>
        new(version, status, Submitted.AddMinutes(minutes).AddTicks(3), "AGENT:agent-1", null, null);
}
