using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Actors.Contracts.Naming;

/// <summary>
/// How values are written in messages and error parameters: as the schema spells them (enum values
/// in SCREAMING_CASE, e.g. PAID, CRIMINAL_RECORD_EXTRACT, FUND_MANAGER) and money in dinars with
/// three decimals, so that a frontend developer reads the same words in errors and in the schema.
/// </summary>
public static class SchemaText
{
    /// <summary>AwaitingPayment → AWAITING_PAYMENT (GraphQL for .NET's constant case for enum values).</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => KnownNames<TEnum>.Of(value);

    /// <summary>An amount of millimes as exact dinars: 3000 → "3.000".</summary>
    public static string Dinars(long millimes) => (millimes / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string ConstantCase(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>
    /// Each defined value's name, made once: statuses, roles and kinds are named on every step, index row and audit
    /// entry. A value outside the enum (never cached, so the table stays as small as the enum) is named each time.
    /// </summary>
    private static class KnownNames<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly ConcurrentDictionary<TEnum, string> Names = new();

        public static string Of(TEnum value) =>
            Names.TryGetValue(value, out var known) ? known
            : Enum.IsDefined(value) ? Names.GetOrAdd(value, static v => ConstantCase(v.ToString()))
            : ConstantCase(value.ToString());
    }
}
