using Actors.Contracts.Requests;

namespace Actors.Demo;

/// <summary>
/// One request of the plan: who submits what where and when, and every step until the status it ends in. Both modes
/// draw from it: real paths takes the steps through the grains, bulk writes the row those steps would leave.
/// </summary>
/// <param name="SchoolCode">The pupil's school (a campaign school of the request's governorate); null for adults.</param>
/// <param name="Stuck">Left on purpose in a status past its service-level target, as a desk that stopped answering would.</param>
public sealed record PlannedRequest(
    int Index,
    RequestKind Kind,
    string Governorate,
    string CenterId,
    string? SchoolCode,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<PlannedStep> Steps,
    bool Stuck)
{
    public bool IsPupil => SchoolCode is not null;

    /// <summary>The status the request ends the run in.</summary>
    public RequestStatus FinalStatus => Steps.Count == 0 ? RequestStatus.Submitted : Steps[^1].To;

    /// <summary>The citizen who submits it: one per request, as each family applies on its own account.</summary>
    public string OwnerSubject => $"demo-citizen-{Index}";

    /// <summary>The idempotency key of the submission: the request's id follows from it and the owner (RequestKeys.For).</summary>
    public string IdempotencyKey => $"demo-request-{Index}";

    public Guid Id => RequestKeys.For(OwnerSubject, IdempotencyKey);
}
