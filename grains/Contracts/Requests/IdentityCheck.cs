namespace Actors.Contracts.Requests;

/// <summary>How the agent who hands over a card checked who collects it. Only the kind of proof is kept, never its number.</summary>
public enum IdentityCheck
{
    /// <summary>The holder, recognised against the photo and fingerprint taken at the appointment.</summary>
    HolderBiometrics,

    /// <summary>The holder, with the receipt of the appointment and the previous card.</summary>
    HolderPreviousCard,

    /// <summary>A guardian of a minor, with their own national ID card and the family record.</summary>
    GuardianIdCard,
}
