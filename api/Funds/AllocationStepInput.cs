namespace Actors.Api.Funds;

/// <summary>Input of approveAllocation, commitAllocation, closeAllocation and cancelAllocation.</summary>
public sealed class AllocationStepInput
{
    public string AllocationId { get; set; } = "";

    public string? Reason { get; set; }
}
