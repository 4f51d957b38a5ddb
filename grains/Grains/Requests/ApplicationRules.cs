using Actors.Contracts.Errors;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;

namespace Actors.Grains.Requests;

/// <summary>
/// The rules of a submission that hold whoever calls (GraphQL, a future feed, a test): who may
/// submit what, and whether the applicant's age fits the card, the pupil pathway and consent.
/// </summary>
public static class ApplicationRules
{
    /// <summary>Civil majority: younger applicants need a guardian who consents.</summary>
    public const int AdultAge = 18;

    private static readonly string EducationOfficer = SchemaText.Of(ActorRole.EducationOfficer);

    public static void CheckSubmitter(DomainOperation operation, Actor actor, RequestKind kind, PupilEnrolment? pupil)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (ActorRole.Citizen or ActorRole.EducationOfficer or ActorRole.Agent))
        {
            var role = SchemaText.Of(actor.Role);
            throw operation.Refuse(ErrorCodes.NotAllowed, $"The role {role} may not submit requests.", ("role", role));
        }

        if (actor.Role == ActorRole.EducationOfficer && (kind != RequestKind.NationalIdCard || pupil is null))
        {
            var card = SchemaText.Of(RequestKind.NationalIdCard);
            throw operation.Refuse(
                ErrorCodes.NotAllowed, $"An {EducationOfficer} submits {card} requests for pupils only: set pupil.",
                ("role", EducationOfficer), ("kind", SchemaText.Of(kind)), ("field", "pupil"));
        }
    }

    /// <summary>
    /// Who the request will belong to, and the applicant as it is recorded. A citizen submits for themselves (the
    /// applicant's card number is their token's; an adult who gives none is recorded with the token's, so that the civil
    /// registry's identity check confirms the applicant is the token's holder) or, as guardian, for a minor (the guardian's
    /// card number is the token's; the pathway asks the registry to confirm the filiation). An agent's walk-in belongs to
    /// the citizen it is for, by card number, never to the agent; an education officer's pupil request to the officer,
    /// and to the guardian named on it.
    /// </summary>
    public static (RequestOwner Owner, Applicant Applicant) Owner(
        DomainOperation operation, Actor actor, Applicant applicant, Guardian? guardian, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(applicant);
        var minor = TunisCalendar.AgeOn(applicant.BirthDate, today) < AdultAge;
        switch (actor.Role)
        {
            case ActorRole.Agent:
                return (RequestOwner.WalkIn(minor && guardian is not null ? guardian.NationalIdNumber : applicant.NationalIdNumber), applicant);
            case ActorRole.EducationOfficer:
                return (new RequestOwner(actor.Issuer, actor.Subject, guardian?.NationalIdNumber), applicant);
            case ActorRole.Citizen:
                break;
            default:
                throw new InvalidOperationException($"{actor.Role} does not submit requests.");
        }

        if (actor.NationalIdNumber is not { Length: > 0 } holder)
        {
            throw operation.Refuse(
                ErrorCodes.NationalIdRequired,
                "Your sign-in does not carry your national ID number: sign in again with your national ID to submit a request.",
                ("role", SchemaText.Of(actor.Role)));
        }

        var owner = new RequestOwner(actor.Issuer, actor.Subject, holder);
        if (applicant.NationalIdNumber == holder || (minor && guardian?.NationalIdNumber == holder))
        {
            return (owner, applicant);
        }

        if (applicant.NationalIdNumber is null && !minor)
        {
            return (owner, applicant with { NationalIdNumber = holder });
        }

        var field = minor ? "input.guardian.nationalIdNumber" : "input.applicant.nationalIdNumber";
        throw operation.Refuse(
            ErrorCodes.NotYourRequestToMake,
            minor
                ? "A citizen submits for a minor as the minor's guardian: guardian.nationalIdNumber must be the national ID number you signed in with."
                : "A citizen submits for themselves: applicant.nationalIdNumber must be the national ID number you signed in with.",
            ("field", field));
    }

    public static void CheckCardApplicant(DomainOperation operation, IdCardApplication application, RequestOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        var age = TunisCalendar.AgeOn(application.Applicant.BirthDate, today);
        if (age < options.MinimumCardAge)
        {
            throw operation.Refuse(
                ErrorCodes.BelowMinimumCardAge,
                $"A {SchemaText.Of(RequestKind.NationalIdCard)} is issued from age {options.MinimumCardAge}; the applicant is {age}.",
                ("minimumAge", SchemaText.Number(options.MinimumCardAge)), ("age", SchemaText.Number(age)));
        }

        var pupils = options.PupilAgeRange;
        if (application.Pupil is not null && !pupils.Contains(age))
        {
            throw operation.Refuse(
                ErrorCodes.PupilAgeOutOfRange,
                $"A pupil is {pupils.Minimum} to {pupils.Maximum} years old; the applicant is {age}.",
                ("minimumAge", SchemaText.Number(pupils.Minimum)), ("maximumAge", SchemaText.Number(pupils.Maximum)),
                ("age", SchemaText.Number(age)));
        }

        if (age < AdultAge && application.Guardian is not { ConsentGiven: true })
        {
            throw operation.Refuse(
                ErrorCodes.GuardianConsentRequired, $"An applicant under {AdultAge} needs a guardian who consents.",
                ("minimumAge", SchemaText.Number(AdultAge)));
        }
    }
}
