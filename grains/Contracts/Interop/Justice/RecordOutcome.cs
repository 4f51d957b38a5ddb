namespace Actors.Contracts.Interop.Justice;

public enum RecordOutcome
{
    Clean,
    HasEntries,
}
