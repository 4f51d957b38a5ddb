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
