using System.Globalization;

namespace Actors.Contracts.Retention;

/// <summary>The purge's days: UTC calendar days, each one bucket of <see cref="IRetentionDayGrain"/>.</summary>
public static class RetentionDays
{
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static string KeyOf(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The bucket of a request due at <paramref name="dueAt"/>: its day, or today's when that day has passed (a
    /// bucket of a past day may already be closed).
    /// </summary>
    public static DateOnly BucketFor(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var due = Of(dueAt);
        var today = Of(now);
        return due > today ? due : today;
    }
}
