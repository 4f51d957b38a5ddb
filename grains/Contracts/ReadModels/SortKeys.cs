using System.Globalization;

namespace Actors.Contracts.ReadModels;

/// <summary>
/// Sort keys as text whose ordinal order is the field's order, the same in memory, in PostgreSQL and in cursors:
/// numbers are padded to 19 digits (any non-negative long fits), timestamps are their UTC ticks.
/// </summary>
public static class SortKeys
{
    private const int NumberLength = 19;

    public static string Of(long number) =>
        number >= 0
            ? number.ToString("D19", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(number), number, "Sort keys are never negative.");

    public static string Of(DateTimeOffset instant) => Of(instant.UtcTicks);

    /// <summary>Whether a key (from a cursor) is one that an order of this kind writes.</summary>
    public static bool Fits(SortKeyKind kind, string key) => kind switch
    {
        SortKeyKind.Number => key.Length == NumberLength && key.All(char.IsAsciiDigit),
        SortKeyKind.Text => true,
        _ => false,
    };

    /// <summary>The number a <see cref="SortKeyKind.Number"/> key stands for.</summary>
    /// <exception cref="ArgumentException">The key is not one.</exception>
    public static long ToNumber(string key) =>
        Fits(SortKeyKind.Number, key) && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"Sort key '{key}' is not a number key.", nameof(key));
}
