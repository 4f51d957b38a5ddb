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
}
