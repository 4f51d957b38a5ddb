namespace Actors.Contracts.Requests;

public enum RequestKind
{
    NationalIdCard,
    CriminalRecordExtract,
}
