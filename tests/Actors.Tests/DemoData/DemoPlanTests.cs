using Actors.Demo;

namespace Actors.Tests.DemoData;

/// <summary>The demo-data generator's plan: the same seed gives the same requests, another seed other ones.</summary>
public sealed class DemoPlanTests
{
    private static readonly DateOnly Monday = new(2027, 1, 4);

    [Fact]
    public void TheSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne()
    {
        var first = Fingerprint(new DemoPlan(42, 500, Monday, 60));
        var again = Fingerprint(new DemoPlan(42, 500, Monday, 60));
        var other = Fingerprint(new DemoPlan(43, 500, Monday, 60));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ARequestsPlanDoesNotDependOnHowManyArePlanned()
    {
        var small = new DemoPlan(7, 100, Monday, 60).All().Select(Line).ToList();
        var large = new DemoPlan(7, 2_000, Monday, 60).All().Take(100).Select(Line).ToList();

        Assert.Equal(small, large);
    }

    [Fact]
    public void ThePlanHasEveryOutcomeStepsInOrderAndOnlyWithinTheRun()
    {
        var plan = new DemoPlan(42, 3_000, Monday, 60);
        var requests = plan.All().ToList();

        var finals = requests.Select(r => r.FinalStatus).ToHashSet();
        foreach (var status in new[] { Contracts.Requests.RequestStatus.Delivered, Contracts.Requests.RequestStatus.Issued, Contracts.Requests.RequestStatus.Rejected,
                     Contracts.Requests.RequestStatus.Cancelled, Contracts.Requests.RequestStatus.Expired, Contracts.Requests.RequestStatus.Referred })
        {
            Assert.Contains(status, finals);
        }

        Assert.Contains(requests, r => r.Stuck);
        Assert.Contains(requests, r => r.IsPupil);
        Assert.Equal(24, requests.Select(r => r.Governorate).Distinct().Count());
        Assert.All(requests, r =>
        {
            Assert.InRange(r.SubmittedAt, plan.Begins, plan.Ends);
            Assert.All(r.Steps.Zip(r.Steps.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At));
            Assert.All(r.Steps, s => Assert.True(s.At < plan.Ends && s.At >= r.SubmittedAt));
        });
    }

    private static string Fingerprint(DemoPlan plan) => string.Join('\n', plan.All().Select(Line));

    private static string Line(PlannedRequest r) =>
        $"{r.Id} {r.Kind} {r.Governorate} {r.CenterId} {r.SchoolCode} {r.SubmittedAt:O} {r.Stuck} "
        + string.Join(' ', r.Steps.Select(s => $"{s.Action}@{s.At:O}>{s.To}"));
}
