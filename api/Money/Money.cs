using System.Globalization;

namespace Actors.Api.Money;

/// <summary>An exact amount of Tunisian dinars, held as integer millimes (1 dinar = 1,000 millimes).</summary>
public readonly record struct Money(long Millimes)
{
    public const string Currency = "TND";

    /// <summary>The exact decimal with three places, e.g. "138200000.000".</summary>
    public string Dinars => (Millimes / 1000m).ToString("0.000", CultureInfo.InvariantCulture);
}
