using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;
using Actors.Tests.Requests;

namespace Actors.Tests.Ownership;

/// <summary>
/// Ownership is the pair (issuer, subject) and the citizen's national ID number, through the real request grains: the
/// same subject from another issuer is someone else, a walk-in belongs to the citizen it was made for, and a citizen
/// submits only for themselves or for a minor as the guardian.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OwnershipGrainTests(ClusterFixture fixture)
{
    private const string CitizenIssuer = "https://citizens.example.tn";
    private const string OtherIssuer = "https://staff.example.tn";

    private async Task<RequestDriver> Driver()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter(CenterKind.ModelOffice);
        return driver;
    }

    private static async Task<string> Refusal(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error.Code;

    private Task<CitizenRequestView> SubmitCard(Actor actor, IdCardApplication application) =>
        fixture.Grains.GetGrain<ICitizenRequestGrain>(RequestKeys.For(actor.Issuer, actor.Subject, application.IdempotencyKey!))
            .SubmitIdCard(actor, application);

    private static IdCardApplication Card(RequestDriver driver, Applicant applicant, Guardian? guardian = null) =>
        new(IdCardReason.Renewal, applicant, driver.CenterId, null, guardian, null, Guid.NewGuid().ToString("N"));

    private static Applicant Minor(string? card = null) =>
        new("ياسمين", "الطرابلسي", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15).AddMonths(-1), "Tunis", card, "Yasmine", "Trabelsi");

    private static Guardian GuardianWith(string card) => new("Mohamed Trabelsi", card, "father", ConsentGiven: true);

    [Fact]
    public async Task The_same_subject_from_another_issuer_neither_sees_nor_acts_on_the_request()
    {
        var driver = await Driver();
        var subject = "person-" + Guid.NewGuid().ToString("N")[..8];
        var mine = new Actor(subject, ActorRole.Citizen, Issuer: CitizenIssuer, NationalIdNumber: "01234567");
        var theirs = new Actor(subject, ActorRole.Citizen, Issuer: OtherIssuer, NationalIdNumber: "07654321");

        var application = Card(driver, RequestDriver.Adult());
        var request = await SubmitCard(mine, application);
        Assert.Equal((CitizenIssuer, subject, "01234567"), (request.OwnerIssuer, request.OwnerSubject, request.OwnerNationalIdNumber));

        Assert.NotEqual(RequestKeys.For(CitizenIssuer, subject, "k"), RequestKeys.For(OtherIssuer, subject, "k"));
        var grain = driver.Grain(request.Id);
        Assert.NotNull(await grain.Find(mine));
        Assert.Null(await grain.Find(theirs));
        Assert.Empty(RequestTransitions.AvailableFor(request, theirs));
        Assert.Equal(ErrorCodes.NotFound, await Refusal(() => grain.Perform(theirs, new RequestCommand(RequestAction.CancelRequest, Reason: "not mine"))));
        Assert.Equal(ErrorCodes.NotFound, await Refusal(() => grain.MoveToCenter(theirs, driver.CenterId)));
        Assert.Equal(RequestStatus.Submitted, (await grain.Find(mine))!.Status);

        // The owner still acts on it.
        var cancelled = await grain.Perform(mine, new RequestCommand(RequestAction.CancelRequest, Reason: "changed my mind"));
        Assert.Equal(RequestStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task A_walk_in_belongs_to_the_citizen_it_was_made_for_and_is_claimed_with_their_national_ID()
    {
        var driver = await Driver();
        var card = "0" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var walkIn = await SubmitCard(driver.Agent, Card(driver, RequestDriver.Adult(card)));

        Assert.Equal(("", "", card), (walkIn.OwnerIssuer, walkIn.OwnerSubject, walkIn.OwnerNationalIdNumber));
        Assert.NotEqual(driver.Agent.Subject, walkIn.OwnerSubject);
        var grain = driver.Grain(walkIn.Id);
        Assert.NotNull(await grain.Find(driver.Agent));
        Assert.Contains(RequestAction.StartVerification, RequestTransitions.AvailableFor(walkIn, driver.Agent));

        // Anyone else — a citizen with another number, one without a number, an agent of another center — does not see it.
        Assert.Null(await grain.Find(new Actor("someone", ActorRole.Citizen, NationalIdNumber: "07654321")));
        Assert.Null(await grain.Find(new Actor("someone", ActorRole.Citizen)));
        Assert.Null(await grain.Find(new Actor(driver.Agent.Subject, ActorRole.Citizen)));
        Assert.Null(await grain.Find(new Actor("agent-2", ActorRole.Agent, "ELSEWHERE")));

        // The citizen signs in later, from any issuer, with a token that carries the number: the request is theirs.
        var holder = new Actor("later-" + Guid.NewGuid().ToString("N")[..6], ActorRole.Citizen, Issuer: CitizenIssuer, NationalIdNumber: card);
        Assert.Equal(walkIn.Id, (await grain.Find(holder))!.Id);
        Assert.Contains(RequestAction.CancelRequest, RequestTransitions.AvailableFor(walkIn, holder));
        var cancelled = await grain.Perform(holder, new RequestCommand(RequestAction.CancelRequest, Reason: "I will come back later"));
        Assert.Equal(RequestStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task A_citizen_may_not_submit_for_an_adult_who_is_not_the_token_holder()
    {
        var driver = await Driver();
        var citizen = new Actor("cit-" + Guid.NewGuid().ToString("N")[..8], ActorRole.Citizen, Issuer: CitizenIssuer, NationalIdNumber: "01234567");
        var application = Card(driver, RequestDriver.Adult("07654321"));
        Assert.Equal(ErrorCodes.NotYourRequestToMake, await Refusal(() => SubmitCard(citizen, application)));

        // Nothing was created: the same key with the holder's own application makes the first request.
        var own = await SubmitCard(citizen, application with { Applicant = RequestDriver.Adult("01234567") });
        Assert.Equal(1, own.Version);

        // A minor whose guardian is someone else is refused too.
        var minor = Card(driver, Minor(), GuardianWith("07654321"));
        Assert.Equal(ErrorCodes.NotYourRequestToMake, await Refusal(() => SubmitCard(citizen, minor)));
    }

    [Fact]
    public async Task An_adult_without_a_card_number_is_recorded_as_the_token_holder()
    {
        var driver = await Driver();
        var citizen = new Actor("cit-" + Guid.NewGuid().ToString("N")[..8], ActorRole.Citizen, NationalIdNumber: "01234567");
        var request = await SubmitCard(citizen, Card(driver, RequestDriver.Adult(card: null)));
        Assert.Equal("01234567", request.Applicant?.NationalIdNumber);
        Assert.Equal("01234567", request.OwnerNationalIdNumber);
    }

    [Fact]
    public async Task A_citizen_token_without_a_national_ID_reads_its_requests_but_cannot_submit()
    {
        var driver = await Driver();
        var subject = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var withNumber = new Actor(subject, ActorRole.Citizen, NationalIdNumber: "01234567");
        var withoutNumber = new Actor(subject, ActorRole.Citizen);
        var request = await SubmitCard(withNumber, Card(driver, RequestDriver.Adult()));

        Assert.NotNull(await driver.Grain(request.Id).Find(withoutNumber));
        var application = Card(driver, RequestDriver.Adult());
        Assert.Equal(ErrorCodes.NationalIdRequired, await Refusal(() => SubmitCard(withoutNumber, application)));
        Assert.Null(await fixture.Grains.GetGrain<ICitizenRequestGrain>(RequestKeys.For(subject, application.IdempotencyKey!)).Find(driver.Agent));
    }

    [Fact]
    public async Task A_guardian_submits_for_a_minor_with_their_own_national_ID()
    {
        var driver = await Driver();
        var parent = new Actor("parent-" + Guid.NewGuid().ToString("N")[..8], ActorRole.Citizen, Issuer: CitizenIssuer, NationalIdNumber: "04567812");
        var request = await SubmitCard(parent, Card(driver, Minor(), GuardianWith("04567812")));
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal((CitizenIssuer, parent.Subject, "04567812"), (request.OwnerIssuer, request.OwnerSubject, request.OwnerNationalIdNumber));
        Assert.NotNull(await driver.Grain(request.Id).Find(parent));
    }
}
