namespace Actors.Contracts.Requests.Index;

public enum RequestSortField
{
    SubmittedAt,
    UpdatedAt,
    Reference,
}
