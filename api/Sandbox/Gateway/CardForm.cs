using System.Globalization;
using Actors.Contracts.Geography;
using Actors.Contracts.Interop.Sandbox;

namespace Actors.Api.Sandbox.Gateway;

/// <summary>
/// The hosted page's card form, checked as a gateway checks it before asking the bank: a well-formed number (Luhn),
/// an expiry month not past, a 3- or 4-digit CVC, a name. On errors the form comes back with the name and expiry
/// filled in, never the number.
/// </summary>
public sealed record CardForm(string Name, string Expiry, IReadOnlyDictionary<string, string> Errors, SandboxCardAttempt? Attempt)
{
    public const string NumberField = "number";
    public const string ExpiryField = "expiry";
    public const string CvcField = "cvc";
    public const string NameField = "name";

    public static CardForm Empty { get; } = new("", "", new Dictionary<string, string>(), null);

    public static CardForm Read(IFormCollection form, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var digits = new string(form[NumberField].ToString().Where(c => c is not (' ' or '-')).ToArray());
        if (!TestCards.IsWellFormed(digits))
        {
            errors[NumberField] = "Numéro de carte invalide · Invalid card number";
        }

        var expiry = form[ExpiryField].ToString().Trim();
        if (!ExpiryIsValid(expiry, TunisCalendar.Today(clock)))
        {
            errors[ExpiryField] = "Date d'expiration invalide ou dépassée (MM/AA) · Expiry date invalid or past (MM/YY)";
        }

        var cvc = form[CvcField].ToString().Trim();
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))
        {
            errors[CvcField] = "Cryptogramme : 3 ou 4 chiffres · Security code: 3 or 4 digits";
        }

        var name = form[NameField].ToString().Trim();
        if (name.Length is 0 or > 100)
        {
            errors[NameField] = "Nom du titulaire requis · Cardholder name required";
        }

        var attempt = errors.Count == 0 ? new SandboxCardAttempt(TestCards.Classify(digits), digits[^4..]) : null;
        return new CardForm(name.Length > 100 ? name[..100] : name, expiry.Length > 7 ? expiry[..7] : expiry, errors, attempt);
    }

    private static bool ExpiryIsValid(string expiry, DateOnly today)
    {
        var parts = expiry.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || parts[1].Length is not (2 or 4))
        {
            return false;
        }

        year = parts[1].Length == 2 ? 2000 + year : year;
        return year > today.Year || (year == today.Year && month >= today.Month);
    }
}
