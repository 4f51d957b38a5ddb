namespace Actors.Contracts.Centers;

public enum CenterService
{
    NationalIdCard,
    Passport,
    ResidenceCertificate,
    CriminalRecordExtract,
    ComplaintFiling,
}
