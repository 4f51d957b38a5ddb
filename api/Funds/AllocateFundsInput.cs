using Actors.Contracts.Funds;

namespace Actors.Api.Funds;

public sealed class AllocateFundsInput
{
    public int Year { get; set; }

    public FundProgrammeCode Programme { get; set; }

    public string MunicipalityCode { get; set; } = "";

    public long? AmountMillimes { get; set; }

    public string? AmountDinars { get; set; }

    public string? Reason { get; set; }

    public string? IdempotencyKey { get; set; }
}
