using Actors.Contracts.Funds;

namespace Actors.Api.Funds;

public sealed class AllocationWhere
{
    public List<FundProgrammeCode>? Programmes { get; set; }

    public List<string>? Governorates { get; set; }

    public List<string>? MunicipalityCodes { get; set; }

    public List<AllocationStatus>? Statuses { get; set; }
}
