using Actors.Contracts.Errors;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Requests;

/// <summary>Every (kind, status, step) combination: the table's moves succeed, every other is refused and changes nothing.</summary>
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
    public async Task A_step_succeeds_exactly_where_the_table_allows_it(RequestKind kind, RequestAction action)
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var row = RequestTransitions.For(action);
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            var request = await driver.RequestIn(kind, status);
            if (request is null)
            {
                continue; // not a status of this pathway
            }

            if (RequestTransitions.Allows(action, kind, status))
            {
                var after = await driver.Step(request, action);
                Assert.Equal(row.To, after.Status);
                Assert.Equal(request.Version + 1, after.Version);
                var last = after.History[^1];
                Assert.Equal(row.To, last.Status);
                Assert.Equal(action, last.Action);
                Assert.Equal(driver.ActorFor(row).Describe(), last.Actor);
            }
            else
            {
                var refused = await Assert.ThrowsAsync<DomainException>(() => driver.Step(request, action));
                Assert.Equal(ErrorCodes.InvalidTransition, refused.Error.Code);
                var unchanged = await driver.Grain(request.Id).Find(driver.Citizen);
                Assert.Equal(request.Version, unchanged!.Version);
                Assert.Equal(status, unchanged.Status);
            }
        }
    }

    [Fact]
    public void Final_statuses_allow_no_step_at_all()
    {
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            foreach (var status in RequestTransitions.Final)
            {
                Assert.DoesNotContain(RequestTransitions.All, t => t.Kinds.Contains(kind) && t.From.Contains(status));
            }
        }
    }

    [Fact]
    public async Task The_card_pathway_reaches_delivery_and_the_extract_pathway_reaches_issue()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var card = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Delivered);
        var extract = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.Issued);
        Assert.Equal(
            ["Submitted", "Verifying", "AwaitingPayment", "Paid", "AppointmentBooked", "BiometricsCaptured", "InProduction", "ReadyForDelivery", "Delivered"],
            card!.History.Select(h => h.Status.ToString()));
        Assert.NotNull(card.Payment);
        Assert.NotNull(card.Appointment);
        Assert.Equal(RequestStatus.Issued, extract!.Status);
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$", extract.DocumentCode);
    }
}
