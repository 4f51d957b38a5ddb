using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Requests;

namespace Actors.Contracts.Documents;

/// <summary>
/// The key of a document's holder: the card number when known, else the names and birth date, hashed so that the
/// holder grain's key reveals nobody. Keyed (HMAC-SHA256 with the cluster's holder key secret): a plain hash of an
/// 8-digit card number is reversed by trying all 10^8 of them against a copy of the database.
/// </summary>
public static class DocumentHolders
{
    /// <summary>A secret shorter than this is refused: it could be guessed as the card numbers could.</summary>
    public const int MinimumSecretBytes = 32;

    public static string KeyOf(Applicant applicant, ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The holder key secret must be at least {MinimumSecretBytes} bytes; it is {secret.Length}.", nameof(secret));
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(IdentityOf(applicant))));
    }

    /// <summary>
    /// The unkeyed key of the releases before the keyed one (up to v0.22): still computed to find, adopt and forget the
    /// holders stored under it, and by an old silo during a rolling upgrade.
    /// </summary>
    public static string LegacyKeyOf(Applicant applicant) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(IdentityOf(applicant))));

    private static string IdentityOf(Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return string.IsNullOrWhiteSpace(applicant.NationalIdNumber)
            ? string.Join('|', "person", applicant.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Normal(applicant.FamilyName), Normal(applicant.GivenName))
            : "card|" + applicant.NationalIdNumber.Trim();
    }

    private static string Normal(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormKC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
