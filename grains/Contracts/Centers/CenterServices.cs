using Actors.Contracts.Requests;

namespace Actors.Contracts.Centers;

/// <summary>The catalogue: each service's category, and the service a request kind needs.</summary>
public static class CenterServices
{
    public static ServiceCategory CategoryOf(CenterService service) => service switch
    {
        CenterService.NationalIdCard or CenterService.Passport or CenterService.ResidenceCertificate => ServiceCategory.Administrative,
        CenterService.CriminalRecordExtract or CenterService.ComplaintFiling => ServiceCategory.Judicial,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    public static CenterService Needed(RequestKind kind) => kind switch
    {
        RequestKind.NationalIdCard => CenterService.NationalIdCard,
        RequestKind.CriminalRecordExtract => CenterService.CriminalRecordExtract,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Which categories a kind of center may offer: the separation rule in one place.</summary>
    public static bool KindMayOffer(CenterKind kind, ServiceCategory category) => kind switch
    {
        CenterKind.OneStopShop => category == ServiceCategory.Administrative,
        CenterKind.JudicialOffice => category == ServiceCategory.Judicial,
        CenterKind.ModelOffice => true,
        _ => false,
    };
}
