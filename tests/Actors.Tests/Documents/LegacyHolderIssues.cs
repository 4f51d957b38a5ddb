using Actors.Contracts.Documents;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;

namespace Actors.Tests.Documents;

/// <summary>What the holder key tests need to play a holder and the previous release's issues (unkeyed holder keys).</summary>
public static class LegacyHolderIssues
{
    /// <summary>A new holder: an applicant with a national ID number of its own, and the citizen signed in with it.</summary>
    public static (Applicant Applicant, Actor Citizen) NewHolder()
    {
        var unique = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nationalId = "8" + unique;
        var applicant = new Applicant("ياسين", "البجاوي", new DateOnly(1991, 6, 14), "Béja", nationalId, "Yassine", "Bejaoui" + unique);
        var citizen = new Actor("citizen-" + Guid.NewGuid().ToString("N")[..8], ActorRole.Citizen, NationalIdNumber: nationalId);
        return (applicant, citizen);
    }

    public static string NewNumber() => "HK" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>An issue as the previous release made it: the unkeyed key as the holder key, no legacy key.</summary>
    public static DocumentIssue OldReleaseIssue(string number, Applicant applicant, Actor citizen, string centerId, DateTimeOffset issuedAt) =>
        new(number, Guid.NewGuid(), RequestKind.CriminalRecordExtract, citizen.Subject, centerId, "Tunis", DocumentHolders.LegacyKeyOf(applicant),
            applicant.GivenName, applicant.FamilyName, applicant.GivenNameLatin, applicant.FamilyNameLatin, applicant.BirthDate, issuedAt,
            citizen.Issuer, applicant.NationalIdNumber);
}
