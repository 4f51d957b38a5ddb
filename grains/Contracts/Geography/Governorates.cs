namespace Actors.Contracts.Geography;

/// <summary>The 24 governorates (public reference data, ISO 3166-2:TN codes).</summary>
public static class Governorates
{
    public static IReadOnlyList<Governorate> All { get; } =
    [
        new("TUNIS", "TN-11", "تونس", "Tunis"),
        new("ARIANA", "TN-12", "أريانة", "Ariana"),
        new("BEN_AROUS", "TN-13", "بن عروس", "Ben Arous"),
        new("MANOUBA", "TN-14", "منوبة", "Manouba"),
        new("NABEUL", "TN-21", "نابل", "Nabeul"),
        new("ZAGHOUAN", "TN-22", "زغوان", "Zaghouan"),
        new("BIZERTE", "TN-23", "بنزرت", "Bizerte"),
        new("BEJA", "TN-31", "باجة", "Béja"),
        new("JENDOUBA", "TN-32", "جندوبة", "Jendouba"),
        new("KEF", "TN-33", "الكاف", "Le Kef"),
        new("SILIANA", "TN-34", "سليانة", "Siliana"),
        new("KAIROUAN", "TN-41", "القيروان", "Kairouan"),
        new("KASSERINE", "TN-42", "القصرين", "Kasserine"),
        new("SIDI_BOUZID", "TN-43", "سيدي بوزيد", "Sidi Bouzid"),
        new("SOUSSE", "TN-51", "سوسة", "Sousse"),
        new("MONASTIR", "TN-52", "المنستير", "Monastir"),
        new("MAHDIA", "TN-53", "المهدية", "Mahdia"),
        new("SFAX", "TN-61", "صفاقس", "Sfax"),
        new("GAFSA", "TN-71", "قفصة", "Gafsa"),
        new("TOZEUR", "TN-72", "توزر", "Tozeur"),
        new("KEBILI", "TN-73", "قبلي", "Kébili"),
        new("GABES", "TN-81", "قابس", "Gabès"),
        new("MEDENINE", "TN-82", "مدنين", "Medenine"),
        new("TATAOUINE", "TN-83", "تطاوين", "Tataouine"),
    ];

    private static readonly Dictionary<string, Governorate> ByCode =
        All.ToDictionary(g => g.Code, StringComparer.Ordinal);

    public static Governorate? Find(string code) => ByCode.GetValueOrDefault(code);

    public static bool Exists(string code) => ByCode.ContainsKey(code);
}
