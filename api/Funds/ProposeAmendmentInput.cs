using Actors.Contracts.Funds;

namespace Actors.Api.Funds;

public sealed class ProposeAmendmentInput
{
    public int Year { get; set; }

    public FundProgrammeCode? FromProgramme { get; set; }

    public FundProgrammeCode? ToProgramme { get; set; }

    public long? AmountMillimes { get; set; }

    public string? AmountDinars { get; set; }

    public string Reason { get; set; } = "";

    public string? IdempotencyKey { get; set; }
}
