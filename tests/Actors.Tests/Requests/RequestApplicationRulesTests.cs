using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Requests;

/// <summary>
/// The rules of a submission and of a step's reason, called on the grain itself (no GraphQL in
/// between): they hold whoever the caller, with the default plausibility limits (card from 12,
/// pupils 6 to 20, consent under 18).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RequestApplicationRulesTests(ClusterFixture fixture)
{
    private static readonly PupilEnrolment Pupil = new("LYC-0042", "Lycée pilote", "2e année");
    // The driver's citizen (card 01234567) is the guardian: a citizen submits for a minor in their care.
    private static readonly Guardian Consenting = new("Fatma Jlassi", "01234567", "mother", ConsentGiven: true);

    private async Task<RequestDriver> Driver()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        return driver;
    }

    private static Applicant AgedYears(int years) =>
        new("سامي", "الجلاصي", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-10), "Sfax", null, null, null);

    private static Task<CitizenRequestView> SubmitCard(RequestDriver driver, Actor actor, Applicant applicant, PupilEnrolment? pupil, Guardian? guardian) =>
        driver.Grain(RequestKeys.For(actor.Subject, Guid.NewGuid().ToString("N")))
            .SubmitIdCard(actor, new IdCardApplication(IdCardReason.FirstIssue, applicant, driver.CenterId, pupil, guardian, null, null));

    private static async Task<DomainError> Refusal(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error;

    [Fact]
    public async Task A_minor_needs_a_consenting_guardian()
    {
        var driver = await Driver();
        var refused = await Refusal(() => SubmitCard(driver, driver.Citizen, AgedYears(16), Pupil, guardian: null));
        Assert.Equal(ErrorCodes.GuardianConsentRequired, refused.Code);
        Assert.Equal("18", refused.Parameters["minimumAge"]);
        Assert.Equal(ErrorCodes.GuardianConsentRequired,
            (await Refusal(() => SubmitCard(driver, driver.Citizen, AgedYears(16), Pupil, Consenting with { ConsentGiven = false }))).Code);
        Assert.Equal(RequestStatus.Submitted, (await SubmitCard(driver, driver.Citizen, AgedYears(16), Pupil, Consenting)).Status);
        Assert.Equal(RequestStatus.Submitted, (await SubmitCard(driver, driver.Citizen, AgedYears(18), null, null)).Status);
    }

    [Fact]
    public async Task An_education_officer_submits_card_requests_for_pupils_only()
    {
        var driver = await Driver();
        var officer = new Actor("edu-" + Guid.NewGuid().ToString("N")[..8], ActorRole.EducationOfficer);
        var refused = await Refusal(() => SubmitCard(driver, officer, AgedYears(16), pupil: null, Consenting));
        Assert.Equal(ErrorCodes.NotAllowed, refused.Code);
        Assert.Equal("An EDUCATION_OFFICER submits NATIONAL_ID_CARD requests for pupils only: set pupil.", refused.Message);
        Assert.Equal("EDUCATION_OFFICER", refused.Parameters["role"]);

        var extract = driver.Grain(RequestKeys.For(officer.Subject, "extract"))
            .SubmitCriminalRecord(officer, new CriminalRecordApplication(RequestDriver.Adult(), driver.CenterId, "Employment", null, "extract"));
        Assert.Equal(ErrorCodes.NotAllowed, (await Refusal(() => extract)).Code);

        var pupil = await SubmitCard(driver, officer, AgedYears(16), Pupil, Consenting);
        Assert.Equal(RequestStatus.Submitted, pupil.Status);
        Assert.Equal(officer.Subject, pupil.OwnerSubject);
    }

    [Fact]
    public async Task Only_citizens_education_officers_and_agents_submit()
    {
        var driver = await Driver();
        var analyst = new Actor("analyst-1", ActorRole.Analyst);
        var refused = await Refusal(() => SubmitCard(driver, analyst, AgedYears(30), null, null));
        Assert.Equal(ErrorCodes.NotAllowed, refused.Code);
        Assert.Equal("The role ANALYST may not submit requests.", refused.Message);
    }

    [Fact]
    public async Task An_applicant_younger_than_the_minimum_card_age_is_refused()
    {
        var driver = await Driver();
        var refused = await Refusal(() => SubmitCard(driver, driver.Citizen, AgedYears(11), Pupil, Consenting));
        Assert.Equal(ErrorCodes.BelowMinimumCardAge, refused.Code);
        Assert.Equal("12", refused.Parameters["minimumAge"]);
        Assert.Equal("11", refused.Parameters["age"]);
        Assert.Equal(RequestStatus.Submitted, (await SubmitCard(driver, driver.Citizen, AgedYears(12), Pupil, Consenting)).Status);
    }

    [Fact]
    public async Task A_pupils_age_must_be_within_the_school_range()
    {
        var driver = await Driver();
        var refused = await Refusal(() => SubmitCard(driver, driver.Citizen, AgedYears(21), Pupil, null));
        Assert.Equal(ErrorCodes.PupilAgeOutOfRange, refused.Code);
        Assert.Equal("6", refused.Parameters["minimumAge"]);
        Assert.Equal("20", refused.Parameters["maximumAge"]);
        Assert.Equal(RequestStatus.Submitted, (await SubmitCard(driver, driver.Citizen, AgedYears(20), Pupil, null)).Status);
        Assert.Equal(RequestStatus.Submitted, (await SubmitCard(driver, driver.Citizen, AgedYears(21), null, null)).Status);
    }

    [Fact]
    public async Task A_reason_longer_than_the_limit_is_refused_and_changes_nothing()
    {
        var driver = await Driver();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Verifying);
        var grain = driver.Grain(request!.Id);
        var refused = await Refusal(() => grain.Perform(driver.Agent,
            new RequestCommand(RequestAction.RequestCorrection, new string('x', DomainLimits.MaxReasonLength + 1))));
        Assert.Equal(ErrorCodes.ValidationFailed, refused.Code);
        Assert.Equal("reason", refused.Parameters["field"]);
        Assert.Equal(request.Version, (await grain.Find(driver.Citizen))!.Version);

        var corrected = await grain.Perform(driver.Agent,
            new RequestCommand(RequestAction.RequestCorrection, "  " + new string('x', DomainLimits.MaxReasonLength) + "  "));
        Assert.Equal(new string('x', DomainLimits.MaxReasonLength), corrected.History[^1].Reason);
    }

    [Fact]
    public async Task Refusals_are_worded_in_the_schemas_words()
    {
        var driver = await Driver();
        var request = await driver.Submit(RequestKind.NationalIdCard);
        var grain = driver.Grain(request.Id);
        var invalid = await Refusal(() => grain.Perform(driver.Agent, new RequestCommand(RequestAction.RecordBiometrics)));
        Assert.Equal("RECORD_BIOMETRICS is not possible for a NATIONAL_ID_CARD request in status SUBMITTED.", invalid.Message);
        Assert.Equal("RECORD_BIOMETRICS", invalid.Parameters["action"]);
        Assert.Equal("SUBMITTED", invalid.Parameters["status"]);
        Assert.Equal("NATIONAL_ID_CARD", invalid.Parameters["kind"]);

        var notAllowed = await Refusal(() => grain.Perform(driver.Citizen, new RequestCommand(RequestAction.StartVerification)));
        Assert.Equal("The role CITIZEN may not take START_VERIFICATION on this request.", notAllowed.Message);

        var awaiting = await driver.RequestIn(RequestKind.CriminalRecordExtract, RequestStatus.AwaitingPayment);
        var unpaid = await Refusal(() => driver.Grain(awaiting!.Id).Perform(driver.Agent,
            new RequestCommand(RequestAction.RecordPayment, PaymentReference: "P-1", AmountMillimes: 2_500)));
        Assert.Equal("The fee is 3.000 dinars, paid with a payment reference.", unpaid.Message);
        Assert.Equal("3.000", unpaid.Parameters["expectedDinars"]);
        Assert.Equal("2.500", unpaid.Parameters["paidDinars"]);

        var judicial = new RequestDriver(fixture.Grains);
        await judicial.OpenCenter(Actors.Contracts.Centers.CenterKind.JudicialOffice);
        var offer = await Refusal(() => judicial.Submit(RequestKind.NationalIdCard));
        Assert.Equal("NATIONAL_ID_CARD", offer.Parameters["service"]);

        var missing = await Refusal(() => driver.Grain(Guid.NewGuid()).Perform(driver.Agent, new RequestCommand(RequestAction.StartVerification)));
        Assert.Equal(DomainError.NotFoundMessage, missing.Message);
    }
}
