using Actors.Contracts.Centers;
using Actors.Contracts.Geography;

namespace Actors.Api.Demo;

/// <summary>
/// Demo centers, clearly marked as such (IsDemo, "(démo)" in the name): one one-stop-shop office per
/// governorate, model offices in the three largest cities, two judicial offices. No official list
/// of centers is available offline.
/// </summary>
public static class DemoCenters
{
    private static readonly string[] ModelOfficeGovernorates = ["TUNIS", "SFAX", "SOUSSE"];
    private static readonly string[] JudicialOfficeGovernorates = ["TUNIS", "NABEUL"];

    /// <summary>Governorates whose one-stop shop is live in the demo; the next ones pilot, the rest are planned.</summary>
    private static readonly string[] LiveGovernorates = ["TUNIS", "ARIANA", "BEN_AROUS", "SFAX", "SOUSSE", "NABEUL"];
    private static readonly string[] PilotGovernorates = ["MANOUBA", "BIZERTE", "MONASTIR", "KAIROUAN", "GABES", "MEDENINE", "GAFSA", "BEJA"];

    public static IReadOnlyList<(ServiceCenterProfile Profile, RolloutPhase Phase)> All()
    {
        var centers = new List<(ServiceCenterProfile, RolloutPhase)>();
        foreach (var g in Governorates.All)
        {
            var phase = LiveGovernorates.Contains(g.Code) ? RolloutPhase.Live
                : PilotGovernorates.Contains(g.Code) ? RolloutPhase.Pilot
                : RolloutPhase.Planned;
            centers.Add((new ServiceCenterProfile(
                $"{Short(g)}-GU1",
                $"مكتب الشباك الموحد بمنطقة الأمن الوطني ب{g.NameAr} (تجريبي)",
                $"Guichet unique — district de sûreté nationale de {g.NameFr} (démo)",
                g.Code, $"District de sûreté nationale de {g.NameFr}", CenterKind.OneStopShop,
                [CenterService.NationalIdCard, CenterService.Passport, CenterService.ResidenceCertificate],
                DailyCapacity: 120, IsDemo: true), phase));
        }

        foreach (var code in ModelOfficeGovernorates)
        {
            var g = Governorates.Find(code)!;
            centers.Add((new ServiceCenterProfile(
                $"{Short(g)}-BM1",
                $"المكتب النموذجي ب{g.NameAr} (تجريبي)",
                $"Bureau modèle de {g.NameFr} (démo)",
                g.Code, $"District de sûreté nationale de {g.NameFr}", CenterKind.ModelOffice,
                [CenterService.NationalIdCard, CenterService.Passport, CenterService.CriminalRecordExtract, CenterService.ComplaintFiling],
                DailyCapacity: 200, IsDemo: true), RolloutPhase.Pilot));
        }

        foreach (var code in JudicialOfficeGovernorates)
        {
            var g = Governorates.Find(code)!;
            centers.Add((new ServiceCenterProfile(
                $"{Short(g)}-BJ1",
                $"مكتب الخدمات العدلية ب{g.NameAr} (تجريبي)",
                $"Bureau des services judiciaires de {g.NameFr} (démo)",
                g.Code, $"District de sûreté nationale de {g.NameFr}", CenterKind.JudicialOffice,
                [CenterService.CriminalRecordExtract, CenterService.ComplaintFiling],
                DailyCapacity: 80, IsDemo: true), RolloutPhase.Live));
        }

        return centers;
    }

    private static string Short(Governorate g) => g.IsoCode.Replace("TN-", "TN", StringComparison.Ordinal);
}
