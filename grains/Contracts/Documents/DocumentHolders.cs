using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Requests;

namespace Actors.Contracts.Documents;

/// <summary>
/// A one-way key for a document's holder: the card number when known, else the names and birth date, hashed so
/// that the holder grain's key reveals nobody.
/// </summary>
public static class DocumentHolders
{
    public static string KeyOf(Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var identity = string.IsNullOrWhiteSpace(applicant.NationalIdNumber)
            ? string.Join('|', "person", applicant.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Normal(applicant.FamilyName), Normal(applicant.GivenName))
            : "card|" + applicant.NationalIdNumber.Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    private static string Normal(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormKC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
