namespace Actors.Contracts.Interop.CivilRegistry;

public enum IdentityOutcome
{
    Match,
    Mismatch,
    NotFound,
    Deceased,
}
