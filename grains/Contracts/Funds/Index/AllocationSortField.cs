namespace Actors.Contracts.Funds.Index;

public enum AllocationSortField
{
    ProposedAt,
    UpdatedAt,
    Amount,
    MunicipalityCode,
}
