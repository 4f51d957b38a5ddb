namespace Actors.Api.Centers;

public enum CenterSortField
{
    Code,
    Name,
    Readiness,
}
