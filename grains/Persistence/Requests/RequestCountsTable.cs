using System.Globalization;
using Actors.Contracts.Requests.Index;
using Actors.Contracts.Scheduling;
using Actors.Persistence.ReadModels;

namespace Actors.Persistence.Requests;

/// <summary>
/// <c>request_counts</c> (migration 0013): requests per combination of what progress groups and filters by, kept by
/// request_index's triggers in the same transactions. A count reads it when every condition of the filter is one of its
/// columns (a submission window only when it runs from a Tunis midnight to another); owner, overdue and escalation
/// conditions, and windows cut inside a day, need request_index's rows.
/// </summary>
public static class RequestCountsTable
{
    public const string Name = "request_counts";

    /// <summary>The counting statement on request_counts, or null when the filter needs request_index.</summary>
    public static SqlText? Counting(RequestFilter filter, IReadOnlyList<RequestDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(dimensions);
        var rest = filter with
        {
            Kinds = null, Statuses = null, Governorates = null, CenterIds = null, IsPupil = null, SchoolCode = null,
            SubmittedFrom = null, SubmittedBefore = null,
        };
        if (rest != new RequestFilter() || !WholeDay(filter.SubmittedFrom, out var fromDay) || !WholeDay(filter.SubmittedBefore, out var beforeDay))
        {
            return null;
        }

        var columns = dimensions.Select(Column).ToList();
        var sql = new SqlText().Append(columns.Count == 0
            ? $"SELECT coalesce(sum(requests), 0)::bigint FROM {Name} WHERE TRUE"
            : $"SELECT {string.Join(", ", columns)}, sum(requests)::bigint FROM {Name} WHERE TRUE");
        sql.AndAnyOf("kind", filter.Kinds?.Select(k => k.ToString()))
            .AndAnyOf("status", filter.Statuses?.Select(s => s.ToString()))
            .AndAnyOf("governorate", filter.Governorates)
            .AndAnyOf("center_id", filter.CenterIds)
            .AndCompare("submitted_day", ">=", fromDay)
            .AndCompare("submitted_day", "<", beforeDay)
            .AndCompare("is_pupil", "=", filter.IsPupil)
            .AndAnyOf("school_code", filter.SchoolCode is { } school ? [school] : null);
        if (columns.Count > 0)
        {
            var positions = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
            // Combinations whose requests have all moved on stay at 0: they are not groups.
            sql.Append($" GROUP BY {positions} HAVING sum(requests) > 0 ORDER BY {positions}");
        }

        return sql;
    }

    /// <summary>The same values as request_index's grouping expressions (PostgresRequestIndex), from the counted columns.</summary>
    private static string Column(RequestDimension dimension) => dimension switch
    {
        RequestDimension.Kind => "kind",
        RequestDimension.Status => "status",
        RequestDimension.Governorate => "governorate",
        RequestDimension.Center => "center_id",
        RequestDimension.IsPupil => "is_pupil::text",
        RequestDimension.SubmittedDay => "to_char(submitted_day, 'YYYY-MM-DD')",
        RequestDimension.School => "nullif(school_code, '')",
        RequestDimension.SubmittedMonth => "to_char(submitted_day, 'YYYY-MM')",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>An instant that is a midnight in Africa/Tunis (or no bound), as that day.</summary>
    private static bool WholeDay(DateTimeOffset? instant, out DateOnly? day)
    {
        day = null;
        if (instant is not { } at)
        {
            return true;
        }

        var local = TunisTime.Local(at);
        if (local.TimeOfDay != TimeSpan.Zero || local.Ticks % TimeSpan.TicksPerDay != 0)
        {
            return false;
        }

        day = DateOnly.FromDateTime(local.DateTime);
        return true;
    }
}
