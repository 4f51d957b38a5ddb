using Actors.Contracts.Requests;

namespace Actors.Demo;

/// <summary>
/// Invented applicants, guardians and contacts, the same for the same request index in both modes. Names are common
/// Tunisian ones; identity numbers are eight digits made from the index, which no register would hold for that name.
/// </summary>
public static class DemoPeople
{
    private static readonly (string Ar, string Latin)[] GivenNames =
    [
        ("محمد", "Mohamed"), ("أمين", "Amine"), ("ياسمين", "Yasmine"), ("مريم", "Mariem"), ("يوسف", "Youssef"),
        ("سلمى", "Salma"), ("أحمد", "Ahmed"), ("إيناس", "Ines"), ("هادي", "Hedi"), ("نور", "Nour"),
    ];

    private static readonly (string Ar, string Latin)[] FamilyNames =
    [
        ("الطرابلسي", "Trabelsi"), ("بن علي", "Ben Ali"), ("الغربي", "Gharbi"), ("الجلاصي", "Jlassi"), ("الحمامي", "Hammami"),
        ("السويسي", "Souissi"), ("المبروك", "Mabrouk"), ("الزواري", "Zouari"),
    ];

    public static Applicant Applicant(PlannedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = GivenNames[request.Index % GivenNames.Length];
        var family = FamilyNames[request.Index / GivenNames.Length % FamilyNames.Length];
        var age = request.IsPupil ? 12 + request.Index % 7 : 20 + request.Index % 50;
        var birth = DateOnly.FromDateTime(request.SubmittedAt.UtcDateTime).AddYears(-age).AddDays(-(request.Index % 300) - 1);
        var card = request.IsPupil ? null : NationalNumber(request.Index);
        return new Applicant(given.Ar, family.Ar, birth, "Tunis", card, given.Latin, family.Latin);
    }

    public static Guardian? Guardian(PlannedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsPupil
            ? new Guardian($"{GivenNames[(request.Index + 3) % GivenNames.Length].Latin} {FamilyNames[request.Index / GivenNames.Length % FamilyNames.Length].Latin}",
                NationalNumber(request.Index + 50_000_000), "father", ConsentGiven: true)
            : null;
    }

    public static PupilEnrolment? Pupil(PlannedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SchoolCode is { } school ? new PupilEnrolment(school, null, "1ère année") : null;
    }

    public static ContactPoint Contact(PlannedRequest request) => new(null, Phone(request), "fr");

    public static string Phone(PlannedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return "+2169" + (request.Index % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string EnrolmentId(PlannedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return "DEMO-" + request.Index.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string NationalNumber(int n) => (n % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}
