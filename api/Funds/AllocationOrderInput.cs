using Actors.Contracts.Funds.Index;

namespace Actors.Api.Funds;

public sealed class AllocationOrderInput
{
    public AllocationSortField Field { get; set; } = AllocationSortField.ProposedAt;

    public string Direction { get; set; } = "DESC";
}
