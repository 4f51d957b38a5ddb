using Actors.Contracts.Errors;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Requests;

/// <summary>
/// The request grain against the state machine written out in <see cref="ExpectedRequestSteps"/>: every (pathway, status,
/// step) combination, every one who could try it. Legal steps succeed for exactly those the table names; every other
/// try is refused and changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RequestTransitionTests(ClusterFixture fixture)
{
    public static TheoryData<RequestKind, RequestAction> Steps()
    {
        var data = new TheoryData<RequestKind, RequestAction>();
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            foreach (var action in Enum.GetValues<RequestAction>())
            {
                data.Add(kind, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_step_succeeds_exactly_where_and_for_whom_the_expected_table_allows_it(RequestKind kind, RequestAction action)
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var step = ExpectedRequestSteps.For(action);
        var statusesTried = 0;
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            var request = await driver.RequestIn(kind, status);
            if (request is null)
            {
                continue; // not a status of this pathway
            }

            statusesTried++;
            if (!step.Allows(kind, status))
            {
                foreach (var taker in Enum.GetValues<StepTaker>())
                {
                    await AssertRefused(driver, request, action, taker, "INVALID_TRANSITION");
                }

                continue;
            }

            foreach (var taker in Enum.GetValues<StepTaker>().Except(step.TakenBy))
            {
                await AssertRefused(driver, request, action, taker, "NOT_ALLOWED");
            }

            foreach (var taker in step.TakenBy)
            {
                var before = taker == step.TakenBy[0] ? request : (await driver.RequestIn(kind, status))!;
                var after = await driver.Step(before, action, taker);
                Assert.Equal(step.To, after.Status);
                Assert.Equal(before.Version + 1, after.Version);
                var last = after.History[^1];
                Assert.Equal((step.To, action, driver.As(taker).Describe()), (last.Status, last.Action, last.Actor));
            }
        }

        // Every status of the pathway was reached: 13 of the card's, 11 of the bulletin's.
        Assert.Equal(kind == RequestKind.NationalIdCard ? 13 : 11, statusesTried);
    }

    [Fact]
    public async Task Each_pathway_follows_its_written_out_legal_path()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();

        var card = await driver.Submit(RequestKind.NationalIdCard);
        foreach (var action in ExpectedRequestSteps.CardToDelivery)
        {
            card = await driver.Step(card, action);
        }

        Assert.Equal(
            [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.AwaitingPayment, RequestStatus.Paid, RequestStatus.AppointmentBooked,
             RequestStatus.BiometricsCaptured, RequestStatus.InProduction, RequestStatus.ReadyForDelivery, RequestStatus.Delivered],
            card.History.Select(h => h.Status));
        Assert.Equal(ExpectedRequestSteps.CardToDelivery, card.History.Skip(1).Select(h => h.Action!.Value));
        Assert.NotNull(card.Payment);
        Assert.NotNull(card.Appointment);

        var bulletin = await driver.Submit(RequestKind.CriminalRecordExtract);
        foreach (var action in ExpectedRequestSteps.BulletinToIssueWithACorrection)
        {
            bulletin = await driver.Step(bulletin, action);
        }

        Assert.Equal(
            [RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.Verifying, RequestStatus.AwaitingPayment,
             RequestStatus.Paid, RequestStatus.RecordCheck, RequestStatus.Issued],
            bulletin.History.Select(h => h.Status));
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$", bulletin.DocumentCode);
    }

    [Fact]
    public async Task Final_statuses_allow_no_step_at_all()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        foreach (var (kind, finals) in ExpectedRequestSteps.Final)
        {
            foreach (var status in finals)
            {
                Assert.DoesNotContain(ExpectedRequestSteps.All, s => s.Allows(kind, status));
                var request = await driver.RequestIn(kind, status);
                Assert.NotNull(request);
                foreach (var action in Enum.GetValues<RequestAction>())
                {
                    await AssertRefused(driver, request, action, StepTaker.System, "INVALID_TRANSITION");
                }
            }
        }
    }

    private static async Task AssertRefused(RequestDriver driver, CitizenRequestView request, RequestAction action, StepTaker taker, string code)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => driver.Step(request, action, taker));
        Assert.True(code == refused.Error.Code, $"{action} by {taker} in {request.Status}: {refused.Error.Code}, expected {code}");
        var unchanged = await driver.Grain(request.Id).Find(driver.Citizen);
        Assert.Equal((request.Status, request.Version), (unchanged!.Status, unchanged.Version));
    }
}
