using System.Globalization;
using Actors.Api.GraphQL.Errors;

namespace Actors.Api.Scheduling;

/// <summary>Times of day as the schema writes them: "HH:mm", 24-hour, Africa/Tunis wall-clock time.</summary>
public static class TimeOfDay
{
    public const string Format = "HH:mm";

    public static string Write(TimeOnly time) => time.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The time, or BAD_USER_INPUT naming the field.</summary>
    public static TimeOnly Read(string? text, string field) =>
        text is { Length: 5 } && TimeOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw ApiErrors.BadInput($"{field} is a time of day \"HH:mm\" (00:00 to 23:59), e.g. \"08:30\".", field);
}
