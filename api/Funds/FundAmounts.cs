using System.Globalization;
using System.Text.RegularExpressions;
using Actors.Api.GraphQL.Errors;

namespace Actors.Api.Funds;

/// <summary>
/// Amounts in inputs, exact: either <c>amountMillimes</c> (a positive Long) or <c>amountDinars</c>
/// (a decimal string with at most three decimals, e.g. "1250.5"; no sign, exponent or separators).
/// Exactly one of them. Anything else (zero, negative, sub-millime) is BAD_USER_INPUT.
/// </summary>
public static partial class FundAmounts
{
    /// <summary>10^15 millimes (a trillion dinars): far above any fund, far below overflow in sums.</summary>
    public const long MaxMillimes = 1_000_000_000_000_000;

    public const string Documentation =
        "Give exactly one of amountMillimes (integer millimes, 1 dinar = 1000) or amountDinars (exact decimal string, at most 3 decimals, e.g. \"1250.500\"). Must be positive.";

    public static long Millimes(long? millimes, string? dinars, string path)
    {
        if (millimes is null == dinars is null)
        {
            throw ApiErrors.BadInput("Give exactly one of amountMillimes or amountDinars.", path + ".amountMillimes");
        }

        if (millimes is { } m)
        {
            return m is > 0 and <= MaxMillimes
                ? m
                : throw ApiErrors.BadInput($"amountMillimes must be between 1 and {MaxMillimes}.", path + ".amountMillimes");
        }

        var text = dinars!.Trim();
        var field = path + ".amountDinars";
        if (TooPrecise().IsMatch(text))
        {
            throw ApiErrors.BadInput("amountDinars has at most 3 decimals: 1 millime is the smallest amount.", field);
        }

        var match = Dinars().Match(text);
        if (!match.Success)
        {
            throw ApiErrors.BadInput("amountDinars is a positive decimal with at most 3 decimals, e.g. \"1250.500\".", field);
        }

        var whole = long.Parse(match.Groups["whole"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var fraction = match.Groups["fraction"].Success ? match.Groups["fraction"].Value.PadRight(3, '0') : "000";
        var value = whole * 1000 + long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
        return value is > 0 and <= MaxMillimes ? value : throw ApiErrors.BadInput("amountDinars must be positive and at most 10^12 dinars.", field);
    }

    [GeneratedRegex(@"\A(?<whole>[0-9]{1,12})(\.(?<fraction>[0-9]{1,3}))?\z")]
    private static partial Regex Dinars();

    [GeneratedRegex(@"\A-?[0-9]+\.[0-9]{4,}\z")]
    private static partial Regex TooPrecise();
}
