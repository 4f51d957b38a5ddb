using Actors.Contracts.Interop.CivilRegistry;

namespace Actors.Contracts.Interop.Justice;

/// <summary>
/// The Ministry of Justice's criminal record, behind bulletin no. 3. We receive only whether the
/// record is clean, never its entries. Throws <see cref="OutsideSystemUnavailableException"/> when it cannot answer.
/// </summary>
public interface ICriminalRecordRegistry
{
    Task<RecordCheck> CheckRecord(PersonQuery person, CancellationToken cancellationToken = default);
}
