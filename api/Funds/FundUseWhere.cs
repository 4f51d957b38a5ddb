using Actors.Contracts.Funds;

namespace Actors.Api.Funds;

public sealed class FundUseWhere
{
    public FundProgrammeCode? Programme { get; set; }

    public string? Governorate { get; set; }
}
