using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundProgrammeCodeType : EnumerationGraphType<FundProgrammeCode>
{
    public FundProgrammeCodeType()
    {
        Name = "FundProgrammeCode";
        Description = "The fund's programme lines (2026: ROADS 75 MD, NEW_MUNICIPALITIES 20, MARKETS 10, DUMPS 10, NEIGHBOURHOODS 7, GREEN_SPACES 5, WASTE_SYSTEM 1.2).";
    }
}
