using Actors.Tests.Api;

namespace Actors.Tests.Audit;

/// <summary>
/// The API against a trail whose writer fails as one does when its silo dies (<see cref="FlakyAuditTrail"/>): records are
/// sent again within <c>Audit:RecordPatience</c>, stored once however often they were sent, and after the patience the
/// answer is withheld with AUDIT_UNAVAILABLE. The tests of this class share one host and run one after the other.
/// </summary>
public sealed class AuditTrailOutageTests(AuditOutageApiFactory api) : IClassFixture<AuditOutageApiFactory>
{
    private const string Tunis = "TN11-GU1";

    [Fact]
    public async Task A_stored_append_whose_answer_was_lost_is_sent_again_and_kept_once()
    {
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        var failuresBefore = api.Trail.Failures;
        api.Trail.LoseAnswers(2);

        var result = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(Tunis, "lost-answer-" + owner), citizen);

        Assert.Null(result["errors"]);
        Assert.NotNull(result["data"]!["submitIdCardRequest"]!["request"]!["id"]);
        Assert.Equal(failuresBefore + 2, api.Trail.Failures);
        var mine = (await api.Trail.ReadChainAsync(0, 10_000, TestContext.Current.CancellationToken)).Where(e => e.Record.Subject == owner).ToList();
        var entry = Assert.Single(mine);
        Assert.Equal(("submitIdCardRequest", "OK"), (entry.Record.Operation, entry.Record.Outcome));
    }

    [Fact]
    public async Task A_trail_down_longer_than_the_patience_withholds_the_answer_and_the_retried_mutation_is_audited()
    {
        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = await api.Token("CITIZEN", owner, nationalIdNumber: "01234567");
        var input = RequestPathwayApiTests.CardInput(Tunis, "down-" + owner);
        api.Trail.Down = true;
        var failuresBefore = api.Trail.Failures;
        try
        {
            var withheld = await api.GraphQL(RequestPathwayApiTests.SubmitCard, input, citizen);
            Assert.Null(withheld["data"]);
            Assert.Equal("AUDIT_UNAVAILABLE", withheld["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.True(api.Trail.Failures - failuresBefore >= 2, "the records were sent more than once before the answer was withheld");
        }
        finally
        {
            api.Trail.Down = false;
        }

        // The submission had happened; the same idempotency key returns it, and this time the trail holds it.
        var retried = await api.GraphQL(RequestPathwayApiTests.SubmitCard, input, citizen);
        Assert.Null(retried["errors"]);
        var id = retried["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
        var mine = (await api.Trail.ReadChainAsync(0, 10_000, TestContext.Current.CancellationToken)).Where(e => e.Record.Subject == owner).ToList();
        var entry = Assert.Single(mine);
        Assert.Equal(("submitIdCardRequest", "OK"), (entry.Record.Operation, entry.Record.Outcome));
        Assert.Contains(id, entry.Record.ObjectIds);
    }
}
