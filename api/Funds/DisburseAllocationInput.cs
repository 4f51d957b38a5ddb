namespace Actors.Api.Funds;

public sealed class DisburseAllocationInput
{
    public string AllocationId { get; set; } = "";

    public long? AmountMillimes { get; set; }

    public string? AmountDinars { get; set; }

    public string? Reason { get; set; }

    public string? IdempotencyKey { get; set; }
}
