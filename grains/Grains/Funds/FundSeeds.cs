using Actors.Contracts.Funds;

namespace Actors.Grains.Funds;

/// <summary>
/// The fund years that exist from the start, from DOMAIN.md §4 (the Minister of the Interior before
/// Parliament, November 2025): 2026 appropriations on the State budget's general resources. The seven
/// lines add up to 128.2 MD of the 138.2 MD; the 10 MD left are unprogrammed and stay so until an
/// approved amendment programmes them.
/// </summary>
public static class FundSeeds
{
    public const int Year2026 = 2026;

    /// <summary>138.2 million dinars in millimes.</summary>
    public const long Appropriation2026 = 138_200_000_000;

    /// <summary>Who opened a seeded year, as histories write it.</summary>
    public const string OpenedBy = "SYSTEM:budget-2026";

    /// <summary>Seeded years count as opened at the start of the budget year, midnight in Tunis.</summary>
    public static DateTimeOffset OpenedAt2026 { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    public static FundSetup Setup2026 { get; } = new(
        Appropriation2026,
        [
            Line(FundProgrammeCode.Roads, 75_000_000_000,
                "تعصير الطرقات البلدية",
                "Modernisation des routes municipales"),
            Line(FundProgrammeCode.NewMunicipalities, 20_000_000_000,
                "مساعدات غير موظفة لفائدة 78 بلدية جديدة",
                "Aides non affectées aux 78 nouvelles communes"),
            Line(FundProgrammeCode.Markets, 10_000_000_000,
                "البرنامج الوطني لتأهيل الأسواق والمستودعات البلدية",
                "Programme national de réhabilitation des marchés et dépôts municipaux"),
            Line(FundProgrammeCode.Dumps, 10_000_000_000,
                "مساهمة الدولة في الحد من الإزعاجات الناتجة عن المصبات البلدية",
                "Contribution de l'État à la réduction des nuisances des décharges municipales"),
            Line(FundProgrammeCode.Neighbourhoods, 7_000_000_000,
                "تهذيب الأحياء الشعبية",
                "Réhabilitation des quartiers populaires"),
            Line(FundProgrammeCode.GreenSpaces, 5_000_000_000,
                "تهيئة المساحات الخضراء وجمع النفايات",
                "Aménagement des espaces verts et collecte des déchets"),
            Line(FundProgrammeCode.WasteSystem, 1_200_000_000,
                "تطوير منظومة التصرف في النفايات",
                "Développement du système de gestion des déchets"),
        ],
        "Budget de l'État 2026, ressources générales : crédits du Fonds de prêts et d'assistance aux collectivités locales (ministre de l'Intérieur devant le Parlement, novembre 2025).");

    /// <summary>The seeded setup of a year, or null when the year has none (it must be opened).</summary>
    public static FundSetup? For(long year) => year == Year2026 ? Setup2026 : null;

    private static FundProgrammeLine Line(FundProgrammeCode code, long millimes, string nameAr, string nameFr) =>
        new(code, nameAr, nameFr, millimes, millimes);
}
