using Actors.Contracts.Requests;

namespace Actors.Api.Requests;

public sealed class RequestWhere
{
    public List<RequestKind>? Kinds { get; set; }

    public List<RequestStatus>? Statuses { get; set; }

    public List<string>? Governorates { get; set; }

    public List<string>? CenterIds { get; set; }

    public DateTimeOffset? SubmittedFrom { get; set; }

    public DateTimeOffset? SubmittedBefore { get; set; }

    public bool? IsPupil { get; set; }

    public bool? Overdue { get; set; }

    public bool? Escalated { get; set; }

    /// <summary>The first day of submission, in Africa/Tunis (inclusive).</summary>
    public DateOnly? SubmittedFromDay { get; set; }

    /// <summary>The last day of submission, in Africa/Tunis (inclusive).</summary>
    public DateOnly? SubmittedToDay { get; set; }

    public string? SchoolCode { get; set; }
}
