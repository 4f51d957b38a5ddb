using System.Globalization;
using Actors.Contracts.Centers;
using Actors.Contracts.Geography;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// What names a slot: the center, the service and the start. Its text form ("TUN-01|NATIONAL_ID_CARD|2027-03-02T09:00",
/// local Tunis time) is what the API's slot id wraps, so that an id read from availableSlots books exactly that slot.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SlotKey(
    [property: Id(0)] string CenterId,
    [property: Id(1)] CenterService Service,
    [property: Id(2)] DateTimeOffset StartsAt)
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The local day of the slot (Africa/Tunis): the day its desks and bookings belong to.</summary>
    public DateOnly Day => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(StartsAt, TunisCalendar.Zone).DateTime);

    public override string ToString() =>
        string.Join('|', CenterId, Service.ToString(), TimeZoneInfo.ConvertTime(StartsAt, TunisCalendar.Zone).ToString(LocalFormat, CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out SlotKey? key)
    {
        key = null;
        var parts = text?.Split('|');
        if (parts is not { Length: 3 } || string.IsNullOrWhiteSpace(parts[0])
            || !Enum.TryParse<CenterService>(parts[1], ignoreCase: false, out var service) || !Enum.IsDefined(service)
            || !DateTime.TryParseExact(parts[2], LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        key = new SlotKey(parts[0], service, TunisTime.ToInstant(local));
        return true;
    }
}
