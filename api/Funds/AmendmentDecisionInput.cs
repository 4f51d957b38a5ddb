namespace Actors.Api.Funds;

/// <summary>Input of approveAmendment and rejectAmendment.</summary>
public sealed class AmendmentDecisionInput
{
    public string AmendmentId { get; set; } = "";

    public string? Reason { get; set; }
}
