namespace Actors.Contracts.Requests.Index;

public enum RequestSortField
{
    SubmittedAt,
    UpdatedAt,
    Reference,

    /// <summary>Escalated first, then oldest overdue (<see cref="RequestIndexEntry.StuckRank"/>): the order of <c>stuckRequests</c>.</summary>
    Stuck,
}
