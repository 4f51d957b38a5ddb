namespace Actors.Contracts.Interop.CivilRegistry;

/// <summary>
/// The civil registry (الحالة المدنية): is this person registered as declared, and who are a minor's
/// parents or legal guardian. Only outcomes come back, never the registry's record.
/// Throws <see cref="OutsideSystemUnavailableException"/> when the registry cannot answer.
/// </summary>
public interface ICivilRegistry
{
    Task<IdentityCheck> CheckIdentity(PersonQuery person, CancellationToken cancellationToken = default);

    Task<FiliationCheck> CheckFiliation(FiliationQuery query, CancellationToken cancellationToken = default);
}
