using System.Globalization;
using Actors.Contracts.Geography;

namespace Actors.Contracts.Requests.Index;

/// <summary>The value of an entry for a dimension, the same text in every index implementation (null: the entry has none, e.g. no school).</summary>
public static class RequestDimensions
{
    public static string? ValueOf(RequestIndexEntry entry, RequestDimension dimension) => dimension switch
    {
        RequestDimension.Kind => entry.Kind.ToString(),
        RequestDimension.Status => entry.Status.ToString(),
        RequestDimension.Governorate => entry.Governorate,
        RequestDimension.Center => entry.CenterId,
        RequestDimension.IsPupil => entry.IsPupil ? "true" : "false",
        RequestDimension.SubmittedDay => TimeZoneInfo.ConvertTime(entry.SubmittedAt, TunisCalendar.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RequestDimension.School => entry.SchoolCode,
        RequestDimension.SubmittedMonth => TimeZoneInfo.ConvertTime(entry.SubmittedAt, TunisCalendar.Zone).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
