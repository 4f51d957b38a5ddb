using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Requests;

/// <summary>Who may do what, idempotent submission, and the checks each step makes beyond the table.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RequestRulesTests(ClusterFixture fixture)
{
    private async Task<RequestDriver> Driver(CenterKind kind = CenterKind.ModelOffice, RolloutPhase phase = RolloutPhase.Live)
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter(kind, phase);
        return driver;
    }

    private static async Task<string> Refusal(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error.Code;

    [Fact]
    public async Task Retrying_a_submission_with_the_same_key_returns_the_same_request()
    {
        var driver = await Driver();
        var first = await driver.Submit(RequestKind.NationalIdCard, "retry-1");
        var again = await driver.Submit(RequestKind.NationalIdCard, "retry-1");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Reference, again.Reference);
        Assert.Equal(1, again.Version);
    }

    [Fact]
    public async Task The_same_key_with_different_input_is_refused_and_changes_nothing()
    {
        var driver = await Driver();
        var first = await driver.Submit(RequestKind.NationalIdCard, "reuse-1");
        var grain = driver.Grain(first.Id);
        var other = new IdCardApplication(IdCardReason.LossOrTheft, RequestDriver.Adult(), driver.CenterId, null, null, null, "reuse-1");
        Assert.Equal(ErrorCodes.IdempotencyKeyReused, await Refusal(() => grain.SubmitIdCard(driver.Citizen, other)));
        Assert.Equal(IdCardReason.Renewal, (await grain.Find(driver.Citizen))!.IdCardReason);
    }

    [Fact]
    public async Task Another_citizen_with_the_same_key_gets_a_request_of_their_own()
    {
        var driver = await Driver();
        var mine = await driver.Submit(RequestKind.NationalIdCard, "shared-key");
        var other = new Actor("someone-else", ActorRole.Citizen);
        Assert.NotEqual(RequestKeys.For(driver.Citizen.Subject, "shared-key"), RequestKeys.For(other.Subject, "shared-key"));
        Assert.Null(await driver.Grain(mine.Id).Find(other));
    }

    [Fact]
    public async Task A_center_must_offer_the_service_and_take_requests()
    {
        var judicial = await Driver(CenterKind.JudicialOffice);
        Assert.Equal(ErrorCodes.CenterDoesNotOfferService, await Refusal(() => judicial.Submit(RequestKind.NationalIdCard)));
        var shop = await Driver(CenterKind.OneStopShop);
        Assert.Equal(ErrorCodes.CenterDoesNotOfferService, await Refusal(() => shop.Submit(RequestKind.CriminalRecordExtract)));
        var planned = await Driver(phase: RolloutPhase.Planned);
        Assert.Equal(ErrorCodes.CenterNotTakingRequests, await Refusal(() => planned.Submit(RequestKind.NationalIdCard)));
        var pilot = await Driver(phase: RolloutPhase.Pilot);
        Assert.Equal(RequestStatus.Submitted, (await pilot.Submit(RequestKind.NationalIdCard)).Status);
    }

    [Fact]
    public async Task An_unknown_center_is_refused()
    {
        var driver = new RequestDriver(fixture.Grains);
        Assert.Equal(ErrorCodes.CenterNotFound, await Refusal(() => driver.Submit(RequestKind.NationalIdCard)));
    }

    [Fact]
    public async Task Scope_decides_who_sees_and_who_acts()
    {
        var driver = await Driver();
        var request = await driver.Submit(RequestKind.NationalIdCard);
        var grain = driver.Grain(request.Id);
        var otherAgent = new Actor("agent-x", ActorRole.Agent, "ELSEWHERE");
        var otherCitizen = new Actor("citizen-x", ActorRole.Citizen);
        var otherSupervisor = new Actor("sup-x", ActorRole.Supervisor, Governorate: "TUNIS");
        var analyst = new Actor("analyst", ActorRole.Analyst);
        foreach (var outsider in new[] { otherAgent, otherCitizen, otherSupervisor, analyst })
        {
            Assert.Null(await grain.Find(outsider));
            Assert.Equal(ErrorCodes.NotFound, await Refusal(() => grain.Perform(outsider, new RequestCommand(RequestAction.StartVerification))));
        }

        // The owner sees it but may not verify it; the agent of its center may.
        Assert.NotNull(await grain.Find(driver.Citizen));
        Assert.Equal(ErrorCodes.NotAllowed, await Refusal(() => grain.Perform(driver.Citizen, new RequestCommand(RequestAction.StartVerification))));
        Assert.Equal(RequestStatus.Verifying, (await grain.Perform(driver.Agent, new RequestCommand(RequestAction.StartVerification))).Status);
        Assert.Equal(RequestStatus.Verifying, (await grain.Find(driver.Supervisor))!.Status);
    }

    [Fact]
    public async Task Refusals_say_why_and_change_nothing()
    {
        var driver = await Driver();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Verifying);
        var grain = driver.Grain(request!.Id);
        Assert.Equal(ErrorCodes.ReasonRequired, await Refusal(() => grain.Perform(driver.Agent, new RequestCommand(RequestAction.RejectRequest, "  "))));
        Assert.Equal(ErrorCodes.VersionMismatch, await Refusal(() => grain.Perform(driver.Agent,
            new RequestCommand(RequestAction.ConfirmVerification, ExpectedVersion: request.Version - 1))));
        var unchanged = await grain.Find(driver.Citizen);
        Assert.Equal(request.Version, unchanged!.Version);

        var awaiting = await grain.Perform(driver.Agent, new RequestCommand(RequestAction.ConfirmVerification, ExpectedVersion: request.Version));
        Assert.Equal(ErrorCodes.PaymentAmountMismatch, await Refusal(() => grain.Perform(driver.Agent,
            new RequestCommand(RequestAction.RecordPayment, PaymentReference: "P-1", AmountMillimes: 2_999))));
        var paid = await grain.Perform(driver.Agent, new RequestCommand(RequestAction.RecordPayment, PaymentReference: "P-1", AmountMillimes: 3_000));
        Assert.Equal(RequestStatus.Paid, paid.Status);
        Assert.Equal(ErrorCodes.AppointmentInPast, await Refusal(() => grain.Perform(driver.Citizen,
            new RequestCommand(RequestAction.BookAppointment, AppointmentAt: DateTimeOffset.UtcNow.AddMinutes(-1)))));
        Assert.Equal(awaiting.Version + 1, (await grain.Find(driver.Citizen))!.Version);
    }

    [Fact]
    public async Task An_issued_extract_is_verifiable_with_the_holders_birth_date_only()
    {
        var driver = await Driver();
        var extract = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.Issued);
        var document = fixture.Grains.GetGrain<Contracts.Documents.IIssuedDocumentGrain>(extract!.DocumentCode!);
        var verified = await document.Lookup(RequestDriver.Adult().BirthDate);
        Assert.Equal(Contracts.Documents.DocumentStatus.Valid, verified.Answer!.Status);
        Assert.Equal(RequestKind.CriminalRecordExtract, verified.Answer.Kind);
        var mismatch = await document.Lookup(RequestDriver.Adult().BirthDate.AddDays(1));
        Assert.True(mismatch.Exists);
        Assert.Null(mismatch.Answer);
    }
}
