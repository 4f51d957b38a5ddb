namespace Actors.Contracts.Interop.CivilRegistry;

public enum FiliationOutcome
{
    /// <summary>The registry lists this person as the minor's parent or legal guardian.</summary>
    Confirmed,

    /// <summary>The person exists but is not the minor's parent or guardian.</summary>
    NotGuardian,

    /// <summary>No person with this card number.</summary>
    GuardianNotFound,
}
