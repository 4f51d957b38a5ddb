namespace Actors.Contracts.Requests.Index;

/// <summary>What progress counts can be grouped by.</summary>
public enum RequestDimension
{
    Kind,
    Status,
    Governorate,
    Center,
    IsPupil,

    /// <summary>The submission day in Africa/Tunis, yyyy-MM-dd.</summary>
    SubmittedDay,

    /// <summary>A pupil's school code; requests that are not a pupil's fall in one group whose value is null.</summary>
    School,

    /// <summary>The submission month in Africa/Tunis, yyyy-MM.</summary>
    SubmittedMonth,
}
