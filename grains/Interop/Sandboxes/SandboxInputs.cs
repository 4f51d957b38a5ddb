namespace Actors.Interop.Sandboxes;

/// <summary>
/// The inputs that make a sandbox answer something other than "all is well", like a payment provider's
/// test cards. docs/sandboxes.md is the table of each; change both together.
/// </summary>
public static class SandboxInputs
{
    // Civil registry, identity, by card number.
    public const string IdentityNotFound = "00000001";
    public const string IdentityDeceased = "00000002";
    public const string IdentityBirthDateMismatch = "00000003";
    public const string IdentityFamilyNameMismatch = "00000004";
    public const string IdentityDown = "00000008";
    public const string IdentityTimeout = "00000009";

    // Civil registry, filiation, by the guardian's card number.
    public const string GuardianNotGuardian = "00000011";
    public const string GuardianNotFound = "00000012";
    public const string GuardianDown = "00000018";
    public const string GuardianTimeout = "00000019";

    // Justice, by the applicant's card number.
    public const string RecordHasEntries = "00000021";
    public const string RecordDown = "00000028";
    public const string RecordTimeout = "00000029";

    // A person without a card number (a pupil's first card), by birth place, case-insensitive; also faults for filiation and Justice.
    public const string BirthPlaceNotFound = "SBX-NOT-FOUND";
    public const string BirthPlaceDeceased = "SBX-DECEASED";
    public const string BirthPlaceMismatch = "SBX-MISMATCH";
    public const string BirthPlaceTimeout = "SBX-TIMEOUT";
    public const string BirthPlaceDown = "SBX-DOWN";

    // Education, by school code.
    public const string SchoolNotEnrolled = "SBX-NOT-ENROLLED";
    public const string SchoolOther = "SBX-OTHER-SCHOOL";
    public const string SchoolTimeout = "SBX-TIMEOUT";
    public const string SchoolDown = "SBX-DOWN";

    // Notifications, by recipient.
    public const string PhoneUndeliverable = "+21600000000";
    public const string PhoneTimeout = "+21600000009";
    public const string EmailUndeliverableMark = "sbx-bounce";
    public const string EmailTimeoutMark = "sbx-timeout";

    /// <summary>The field a mismatch names, in the submission's words.</summary>
    public const string BirthDateField = "applicant.birthDate";
    public const string FamilyNameField = "applicant.familyName";

    /// <summary>The birth place as the triggers compare it: trimmed, upper case.</summary>
    public static string BirthPlaceOf(string? birthPlace) => (birthPlace ?? "").Trim().ToUpperInvariant();

    /// <summary>A fault a minor's or applicant's birth place asks for (SBX-TIMEOUT, SBX-DOWN), if any.</summary>
    public static SandboxFault BirthPlaceFault(string? birthPlace) => BirthPlaceOf(birthPlace) switch
    {
        BirthPlaceTimeout => SandboxFault.Timeout,
        BirthPlaceDown => SandboxFault.ServerError,
        _ => SandboxFault.None,
    };
}
