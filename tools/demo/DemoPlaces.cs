using Actors.Contracts.Campaigns;
using Actors.Contracts.Centers;
using Actors.Contracts.Geography;

namespace Actors.Demo;

/// <summary>
/// Where the demo's requests go: one demo office per governorate (both services, so that any request can go to the
/// office of its governorate), and three campaign schools per governorate. Codes say "DEMO" so nobody mistakes them
/// for the demo centers the API seeds or for real ones.
/// </summary>
public static class DemoPlaces
{
    public const int SchoolsPerGovernorate = 3;

    /// <summary>Relative weights of the governorates' demand: the capital region and the big coastal cities weigh more.</summary>
    private static readonly Dictionary<string, int> Weights = new(StringComparer.Ordinal)
    {
        ["TUNIS"] = 6, ["SFAX"] = 5, ["ARIANA"] = 3, ["BEN_AROUS"] = 3, ["NABEUL"] = 3, ["SOUSSE"] = 3,
        ["MONASTIR"] = 2, ["KAIROUAN"] = 2, ["BIZERTE"] = 2, ["MEDENINE"] = 2,
    };

    public static IReadOnlyList<Governorate> Governorates => Contracts.Geography.Governorates.All;

    public static int WeightOf(string governorate) => Weights.GetValueOrDefault(governorate, 1);

    public static string CenterOf(string governorate) => "DEMO-" + Short(governorate);

    public static string SchoolOf(string governorate, int number) => $"DEMO-{Short(governorate)}-S{number}";

    public static ServiceCenterProfile CenterProfile(Governorate governorate)
    {
        ArgumentNullException.ThrowIfNull(governorate);
        return new ServiceCenterProfile(
            CenterOf(governorate.Code),
            $"مكتب العرض ب{governorate.NameAr} (تجريبي)",
            $"Bureau de démonstration de {governorate.NameFr} (démo)",
            governorate.Code, $"District de sûreté nationale de {governorate.NameFr}", CenterKind.ModelOffice,
            [CenterService.NationalIdCard, CenterService.CriminalRecordExtract], DailyCapacity: 200, IsDemo: true);
    }

    /// <summary>The campaign's schools, each with a target a little above the pupils the plan sends it (not every pupil applies).</summary>
    public static IReadOnlyList<CampaignSchool> Schools(IReadOnlyList<PlannedRequest> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pupils = plan.Where(r => r.SchoolCode is not null).GroupBy(r => r.SchoolCode!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Governorates.SelectMany(g => Enumerable.Range(1, SchoolsPerGovernorate).Select(n =>
        {
            var code = SchoolOf(g.Code, n);
            var target = Math.Max(10, (int)Math.Ceiling(pupils.GetValueOrDefault(code) * 1.25));
            return new CampaignSchool(code, $"École de démonstration {n}, {g.NameFr}", g.Code, target);
        })).ToList();
    }

    private static string Short(string governorate) =>
        Contracts.Geography.Governorates.Find(governorate) is { } g ? g.IsoCode[(g.IsoCode.IndexOf('-', StringComparison.Ordinal) + 1)..] : governorate;
}
