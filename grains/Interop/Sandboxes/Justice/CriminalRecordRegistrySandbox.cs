using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using Actors.Contracts.Interop.Justice;
using static Actors.Interop.Sandboxes.SandboxInputs;

namespace Actors.Interop.Sandboxes.Justice;

/// <summary>The criminal record of the embedded mode and the tests: clean, except the documented inputs (docs/sandboxes.md).</summary>
public sealed class CriminalRecordRegistrySandbox(SandboxBehaviour behaviour) : ICriminalRecordRegistry
{
    public async Task<RecordCheck> CheckRecord(PersonQuery person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var placeFault = BirthPlaceFault(person.BirthPlace);
        var (fault, outcome) = (person.NationalIdNumber ?? "").Trim() switch
        {
            _ when placeFault != SandboxFault.None => (placeFault, RecordOutcome.Clean),
            RecordHasEntries => (SandboxFault.None, RecordOutcome.HasEntries),
            RecordTimeout => (SandboxFault.Timeout, RecordOutcome.Clean),
            RecordDown => (SandboxFault.ServerError, RecordOutcome.Clean),
            _ => (SandboxFault.None, RecordOutcome.Clean),
        };
        await behaviour.Answer(OutsideSystem.Justice, fault, cancellationToken);
        return new RecordCheck(outcome);
    }
}
