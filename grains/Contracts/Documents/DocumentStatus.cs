namespace Actors.Contracts.Documents;

/// <summary>
/// Where a signed document stands. The signed QR payload never changes; this is its standing online.
/// A revocation outranks a supersession, which outranks expiry.
/// </summary>
public enum DocumentStatus
{
    Valid,
    Expired,
    Revoked,
    Superseded,
}
