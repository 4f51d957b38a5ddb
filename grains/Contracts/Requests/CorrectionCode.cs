namespace Actors.Contracts.Requests;

/// <summary>Why a request needs a correction, in terms the citizen can act on.</summary>
public enum CorrectionCode
{
    /// <summary>The civil registry has the person, but a declared field differs (see the field).</summary>
    IdentityMismatch,

    /// <summary>The civil registry has no such person as declared.</summary>
    IdentityNotFound,

    /// <summary>The Ministry of Education has no such pupil enrolled this school year.</summary>
    PupilNotEnrolled,

    /// <summary>The pupil is enrolled at another school than the one declared.</summary>
    AnotherSchool,

    /// <summary>The civil registry does not list the declared guardian as the minor's parent or guardian.</summary>
    GuardianNotConfirmed,

    /// <summary>An agent's own reason.</summary>
    Other,
}
