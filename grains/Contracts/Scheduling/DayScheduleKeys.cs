using System.Globalization;
using Actors.Contracts.Centers;
using Actors.Contracts.Naming;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// The key of a day schedule: "{centerId}|{ADMINISTRATIVE|JUDICIAL}|{yyyy-MM-dd}" (local Tunis day). Services of
/// one category share its desks, so their appointments count together.
/// </summary>
public static class DayScheduleKeys
{
    private const string DayFormat = "yyyy-MM-dd";

    public static string For(string centerId, ServiceCategory category, DateOnly day) =>
        string.Join('|', centerId, SchemaText.Of(category), day.ToString(DayFormat, CultureInfo.InvariantCulture));

    public static string For(SlotKey slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return For(slot.CenterId, CenterServices.CategoryOf(slot.Service), slot.Day);
    }

    public static bool TryParse(string key, out string centerId, out ServiceCategory category, out DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(key);
        (centerId, category, day) = ("", default, default);
        var parts = key.Split('|');
        if (parts.Length != 3 || parts[0].Length == 0
            || !Enum.GetValues<ServiceCategory>().Any(c => SchemaText.Of(c) == parts[1])
            || !DateOnly.TryParseExact(parts[2], DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return false;
        }

        centerId = parts[0];
        category = Enum.GetValues<ServiceCategory>().First(c => SchemaText.Of(c) == parts[1]);
        return true;
    }
}
