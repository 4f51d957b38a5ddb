using System.Text.RegularExpressions;
using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Geography;
using Actors.Contracts.Requests;

namespace Actors.Api.Requests;

/// <summary>
/// Turns submission inputs into applications, checking their shape only: malformed input is a
/// BAD_USER_INPUT GraphQL error naming the field. The rules of the pathway (who submits, ages,
/// guardian consent) are the grain's, whoever calls it.
/// </summary>
public static partial class ApplicationValidation
{
    public static IdCardApplication IdCard(SubmitIdCardRequestInput input, TimeProvider clock)
    {
        var applicant = Applicant(input.Applicant, clock, requireCardNumber: input.Reason != IdCardReason.FirstIssue);
        if (input.Reason == IdCardReason.FirstIssue && applicant.NationalIdNumber is not null)
        {
            throw ApiErrors.BadInput("A first issue has no card number yet: leave nationalIdNumber out.", "input.applicant.nationalIdNumber");
        }

        var guardian = input.Guardian is { } g
            ? new Guardian(
                InputText.PersonName(g.FullName, "input.guardian.fullName", 160),
                InputText.NationalIdNumber(g.NationalIdNumber, "input.guardian.nationalIdNumber"),
                InputText.Required(g.Relationship, "input.guardian.relationship", 40),
                g.ConsentGiven)
            : null;
        var pupil = input.Pupil is { } p
            ? new PupilEnrolment(
                SchoolCode().IsMatch(p.SchoolCode.Trim().ToUpperInvariant())
                    ? p.SchoolCode.Trim().ToUpperInvariant()
                    : throw ApiErrors.BadInput("schoolCode is 3 to 20 of A-Z, 0-9 and '-'.", "input.pupil.schoolCode"),
                InputText.Optional(p.SchoolName, "input.pupil.schoolName", 160),
                InputText.Optional(p.Grade, "input.pupil.grade", 40))
            : null;
        return new IdCardApplication(input.Reason, applicant, CenterKey(input.CenterId), pupil, guardian,
            Contact(input.Contact), IdempotencyKey(input.IdempotencyKey));
    }

    public static CriminalRecordApplication CriminalRecord(SubmitCriminalRecordRequestInput input, TimeProvider clock) =>
        new(Applicant(input.Applicant, clock, requireCardNumber: true),
            CenterKey(input.CenterId),
            InputText.Required(input.Purpose, "input.purpose", 200) is { Length: >= 3 } purpose
                ? purpose
                : throw ApiErrors.BadInput("purpose is 3 to 200 characters.", "input.purpose"),
            Contact(input.Contact),
            IdempotencyKey(input.IdempotencyKey));

    private static Applicant Applicant(ApplicantInput input, TimeProvider clock, bool requireCardNumber)
    {
        // The pupil's school age and the card's minimum age are the grain's rules (PUPIL_AGE_OUT_OF_RANGE,
        // BELOW_MINIMUM_CARD_AGE); here only what no birth date can be.
        var today = TunisCalendar.Today(clock);
        InputText.DateWithin(input.BirthDate, "input.applicant.birthDate", EarliestBirthDate, today, "a past day, not before 1900");

        string? card = null;
        if (!string.IsNullOrWhiteSpace(input.NationalIdNumber))
        {
            card = InputText.NationalIdNumber(input.NationalIdNumber, "input.applicant.nationalIdNumber");
        }
        else if (requireCardNumber)
        {
            throw ApiErrors.BadInput("nationalIdNumber (8 digits) is required for this request.", "input.applicant.nationalIdNumber");
        }

        return new Applicant(
            InputText.PersonName(input.GivenName, "input.applicant.givenName"),
            InputText.PersonName(input.FamilyName, "input.applicant.familyName"),
            input.BirthDate,
            InputText.Optional(input.BirthPlace, "input.applicant.birthPlace", 80),
            card,
            LatinName(input.GivenNameLatin, "input.applicant.givenNameLatin"),
            LatinName(input.FamilyNameLatin, "input.applicant.familyNameLatin"));
    }

    private static string? LatinName(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = InputText.PersonName(value, field);
        return name.All(ch => ch < 0x250) ? name : throw ApiErrors.BadInput($"{field} must be in Latin script.", field);
    }

    private static ContactPoint? Contact(ContactInput? input)
    {
        if (input is null)
        {
            return null;
        }

        var email = InputText.EmailAddress(input.Email, "input.contact.email");

        var phone = InputText.Optional(input.Phone, "input.contact.phone", 20)?.Replace(" ", "", StringComparison.Ordinal);
        if (phone is not null && !Phone().IsMatch(phone))
        {
            throw ApiErrors.BadInput("phone is 8 digits, optionally prefixed +216.", "input.contact.phone");
        }

        var language = input.PreferredLanguage?.Trim().ToLowerInvariant() ?? "fr";
        if (language is not ("ar" or "fr"))
        {
            throw ApiErrors.BadInput("preferredLanguage is ar or fr.", "input.contact.preferredLanguage");
        }

        return new ContactPoint(email, phone, language);
    }

    private static string CenterKey(string id) => GlobalId.DecodeKey(id, ServiceCenterType.TypeName, "input.centerId");

    /// <summary>An idempotency key as the policy allows it, or BAD_USER_INPUT on input.idempotencyKey.</summary>
    public static string? IdempotencyKey(string? key)
    {
        if (key is null)
        {
            return null;
        }

        return IdempotencyPolicy.IsWellFormed(key) ? key : throw ApiErrors.BadInput($"idempotencyKey is {IdempotencyPolicy.KeyFormat}.", "input.idempotencyKey");
    }

    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    [GeneratedRegex(@"\A[A-Z0-9-]{3,20}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchoolCode();

    [GeneratedRegex(@"\A(\+216)?[0-9]{8}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
