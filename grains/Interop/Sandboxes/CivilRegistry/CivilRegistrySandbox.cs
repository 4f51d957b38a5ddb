using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using static Actors.Interop.Sandboxes.SandboxInputs;

namespace Actors.Interop.Sandboxes.CivilRegistry;

/// <summary>
/// The civil registry of the embedded mode and the tests: everyone is registered as declared, except the
/// documented inputs (<see cref="SandboxInputs"/>, docs/sandboxes.md).
/// </summary>
public sealed class CivilRegistrySandbox(SandboxBehaviour behaviour) : ICivilRegistry
{
    public async Task<IdentityCheck> CheckIdentity(PersonQuery person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (fault, check) = Identify(person);
        await behaviour.Answer(OutsideSystem.CivilRegistry, fault, cancellationToken);
        return check;
    }

    public async Task<FiliationCheck> CheckFiliation(FiliationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var minorFault = BirthPlaceFault(query.Minor.BirthPlace);
        var (fault, outcome) = query.GuardianNationalIdNumber.Trim() switch
        {
            _ when minorFault != SandboxFault.None => (minorFault, FiliationOutcome.Confirmed),
            GuardianNotGuardian => (SandboxFault.None, FiliationOutcome.NotGuardian),
            GuardianNotFound => (SandboxFault.None, FiliationOutcome.GuardianNotFound),
            GuardianTimeout => (SandboxFault.Timeout, FiliationOutcome.Confirmed),
            GuardianDown => (SandboxFault.ServerError, FiliationOutcome.Confirmed),
            _ => (SandboxFault.None, FiliationOutcome.Confirmed),
        };
        await behaviour.Answer(OutsideSystem.CivilRegistry, fault, cancellationToken);
        return new FiliationCheck(outcome);
    }

    /// <summary>A person with a card is found by its number; one without (a pupil's first card) by birth place.</summary>
    private static (SandboxFault Fault, IdentityCheck Check) Identify(PersonQuery person)
    {
        var match = new IdentityCheck(IdentityOutcome.Match);
        if (!string.IsNullOrWhiteSpace(person.NationalIdNumber))
        {
            return person.NationalIdNumber.Trim() switch
            {
                IdentityNotFound => (SandboxFault.None, new IdentityCheck(IdentityOutcome.NotFound)),
                IdentityDeceased => (SandboxFault.None, new IdentityCheck(IdentityOutcome.Deceased)),
                IdentityBirthDateMismatch => (SandboxFault.None, new IdentityCheck(IdentityOutcome.Mismatch, BirthDateField)),
                IdentityFamilyNameMismatch => (SandboxFault.None, new IdentityCheck(IdentityOutcome.Mismatch, FamilyNameField)),
                IdentityTimeout => (SandboxFault.Timeout, match),
                IdentityDown => (SandboxFault.ServerError, match),
                _ => (SandboxFault.None, match),
            };
        }

        return BirthPlaceOf(person.BirthPlace) switch
        {
            BirthPlaceNotFound => (SandboxFault.None, new IdentityCheck(IdentityOutcome.NotFound)),
            BirthPlaceDeceased => (SandboxFault.None, new IdentityCheck(IdentityOutcome.Deceased)),
            BirthPlaceMismatch => (SandboxFault.None, new IdentityCheck(IdentityOutcome.Mismatch, BirthDateField)),
            BirthPlaceTimeout => (SandboxFault.Timeout, match),
            BirthPlaceDown => (SandboxFault.ServerError, match),
            _ => (SandboxFault.None, match),
        };
    }
}
