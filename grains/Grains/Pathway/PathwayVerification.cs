using Actors.Contracts.Identity;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using Actors.Contracts.Interop.Education;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Interop.Justice;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Pathway;

namespace Actors.Grains.Pathway;

/// <summary>
/// What the platform asks the other administrations instead of asking the citizen for papers: the
/// applicant's identity (civil registry), a pupil's enrolment (Education), a minor's guardian (civil
/// registry), and for bulletin no. 3 whether the record is clean (Justice). Each asks only the fields its
/// question needs; a check that passed is not asked again while the request keeps the same version.
/// </summary>
public sealed class PathwayVerification(
    ICivilRegistry civilRegistry,
    IEducationRegistry education,
    ICriminalRecordRegistry justice,
    ExchangeCalls calls)
{
    private const string Identity = "identity";
    private const string Enrolment = "enrolment";
    private const string Filiation = "filiation";

    public async Task<StepDecision> Verify(CitizenRequestView request, RequestPathwayState state, Func<ExchangeRecord, Task> commit)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        if (state.CheckedVersion != request.Version)
        {
            state.CheckedVersion = request.Version;
            state.PassedChecks.Clear();
        }

        var person = PersonOf(ApplicantOf(request));
        var confirmations = new List<string>();
        if (!state.PassedChecks.Contains(Identity))
        {
            var identity = await calls.Run(
                request,
                Plan(state, OutsideSystem.CivilRegistry, "Verify the applicant's identity", PersonItems(ApplicantOf(request))),
                ct => civilRegistry.CheckIdentity(person, ct),
                r => (SchemaText.Of(r.Outcome), r.MismatchedField),
                commit,
                r => Pass(state, Identity, r.Outcome == IdentityOutcome.Match));
            var registry = PathwayActors.For(OutsideSystem.CivilRegistry);
            switch (identity.Outcome)
            {
                case IdentityOutcome.NotFound:
                    return new StepDecision(registry, RequestAction.RequestCorrection,
                        "The civil registry has no person registered with these names, birth date and place.", CorrectionCode.IdentityNotFound, "applicant");
                case IdentityOutcome.Mismatch:
                    return new StepDecision(registry, RequestAction.RequestCorrection,
                        $"This differs from the civil registry: {identity.MismatchedField ?? "applicant"}.", CorrectionCode.IdentityMismatch, identity.MismatchedField ?? "applicant");
                case IdentityOutcome.Deceased:
                    return new StepDecision(registry, RequestAction.RejectRequest, "The civil registry records the applicant as deceased.");
            }
        }

        confirmations.Add($"identity confirmed by {SchemaText.Of(OutsideSystem.CivilRegistry)}");
        if (request.Pupil is { } pupil && !state.PassedChecks.Contains(Enrolment))
        {
            var enrolment = await calls.Run(
                request,
                Plan(state, OutsideSystem.Education, "Confirm the pupil's enrolment for the joint campaign",
                    ["applicant.givenName", "applicant.familyName", "applicant.birthDate", "pupil.schoolCode", .. pupil.Grade is null ? Array.Empty<string>() : ["pupil.grade"]]),
                ct => education.CheckEnrolment(new EnrolmentQuery(person.GivenName, person.FamilyName, person.BirthDate, pupil.SchoolCode, pupil.Grade), ct),
                r => (SchemaText.Of(r.Outcome), null),
                commit,
                r => Pass(state, Enrolment, r.Outcome == EnrolmentOutcome.Enrolled));
            var ministry = PathwayActors.For(OutsideSystem.Education);
            switch (enrolment.Outcome)
            {
                case EnrolmentOutcome.NotEnrolled:
                    return new StepDecision(ministry, RequestAction.RequestCorrection,
                        "The Ministry of Education has no such pupil enrolled this school year.", CorrectionCode.PupilNotEnrolled, "pupil.schoolCode");
                case EnrolmentOutcome.AnotherSchool:
                    return new StepDecision(ministry, RequestAction.RequestCorrection,
                        "The Ministry of Education has this pupil enrolled at another school.", CorrectionCode.AnotherSchool, "pupil.schoolCode");
            }
        }

        if (request.Pupil is not null)
        {
            confirmations.Add($"enrolment confirmed by {SchemaText.Of(OutsideSystem.Education)}");
        }

        if (request.Guardian is { } guardian && !state.PassedChecks.Contains(Filiation))
        {
            var filiation = await calls.Run(
                request,
                Plan(state, OutsideSystem.CivilRegistry, "Confirm that the declared guardian is the minor's parent or legal guardian",
                    ["applicant.givenName", "applicant.familyName", "applicant.birthDate", "guardian.nationalIdNumber", "guardian.relationship"]),
                ct => civilRegistry.CheckFiliation(new FiliationQuery(person, guardian.NationalIdNumber, guardian.Relationship), ct),
                r => (SchemaText.Of(r.Outcome), null),
                commit,
                r => Pass(state, Filiation, r.Outcome == FiliationOutcome.Confirmed));
            if (filiation.Outcome != FiliationOutcome.Confirmed && SubmittedAsGuardian(request, guardian))
            {
                // The citizen submitted on the strength of being this minor's guardian: there is nothing to correct,
                // a request for someone else's child is refused.
                return new StepDecision(PathwayActors.For(OutsideSystem.CivilRegistry), RequestAction.RejectRequest,
                    "The civil registry does not list the citizen who submitted as the applicant's parent or legal guardian; "
                    + "a citizen submits for themselves or for a minor in their care.");
            }

            if (filiation.Outcome != FiliationOutcome.Confirmed)
            {
                return new StepDecision(PathwayActors.For(OutsideSystem.CivilRegistry), RequestAction.RequestCorrection,
                    "The civil registry does not list the declared guardian as the applicant's parent or legal guardian.",
                    CorrectionCode.GuardianNotConfirmed, "guardian.nationalIdNumber");
            }
        }

        if (request.Guardian is not null)
        {
            confirmations.Add($"guardian confirmed by {SchemaText.Of(OutsideSystem.CivilRegistry)}");
        }

        return new StepDecision(PathwayActors.Pathway, RequestAction.ConfirmVerification, Sentence(confirmations));
    }

    /// <summary>A citizen's own submission for a minor, as the guardian named on it (not a walk-in, not an officer's pupil).</summary>
    private static bool SubmittedAsGuardian(CitizenRequestView request, Guardian guardian) =>
        request.OwnerSubject.Length > 0 && request.OwnerNationalIdNumber == guardian.NationalIdNumber
        && request.History.Count > 0 && request.History[0].Actor.StartsWith(SchemaText.Of(ActorRole.Citizen) + ":", StringComparison.Ordinal);

    /// <summary>Bulletin no. 3: only whether the record is clean comes back, never its entries.</summary>
    public async Task<StepDecision> CheckRecord(CitizenRequestView request, RequestPathwayState state, Func<ExchangeRecord, Task> commit)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        var record = await calls.Run(
            request,
            Plan(state, OutsideSystem.Justice, "Criminal record outcome for bulletin no. 3", PersonItems(ApplicantOf(request))),
            ct => justice.CheckRecord(PersonOf(ApplicantOf(request)), ct),
            r => (SchemaText.Of(r.Outcome), null),
            commit);
        var ministry = PathwayActors.For(OutsideSystem.Justice);
        return record.Outcome == RecordOutcome.Clean
            ? new StepDecision(ministry, RequestAction.IssueExtract)
            : new StepDecision(ministry, RequestAction.ReferRequest,
                "The criminal record has entries: bulletin no. 3 is delivered by the court registry, not online.");
    }

    private static ExchangePlan Plan(RequestPathwayState state, OutsideSystem system, string purpose, IReadOnlyList<string> items) =>
        new(system, purpose, items, state.FailuresInARow + 1, PathwayActors.Pathway.Describe());

    private static void Pass(RequestPathwayState state, string check, bool passed)
    {
        if (passed && !state.PassedChecks.Contains(check))
        {
            state.PassedChecks.Add(check);
        }
    }

    private static PersonQuery PersonOf(Applicant applicant) =>
        new(applicant.GivenName, applicant.FamilyName, applicant.BirthDate, applicant.BirthPlace, applicant.NationalIdNumber);

    /// <summary>The names of the fields sent: those the applicant has, nothing else.</summary>
    private static string[] PersonItems(Applicant applicant) =>
    [
        "applicant.givenName", "applicant.familyName", "applicant.birthDate",
        .. applicant.BirthPlace is null ? Array.Empty<string>() : ["applicant.birthPlace"],
        .. applicant.NationalIdNumber is null ? Array.Empty<string>() : ["applicant.nationalIdNumber"],
    ];

    private static string Sentence(List<string> parts) =>
        char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..] + ".";

    /// <summary>The pathway acts on requests still in progress; only a final request's retention purge removes the applicant.</summary>
    private static Applicant ApplicantOf(CitizenRequestView request) =>
        request.Applicant ?? throw new InvalidOperationException($"Request {request.Id} has no applicant: its personal data was purged.");
}
