using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundUseWhereInputType : InputObjectGraphType<FundUseWhere>
{
    public FundUseWhereInputType()
    {
        Name = "FundUseWhereInput";
        Description = "Both conditions are combined with AND; a missing one means any.";
        Field<FundProgrammeCodeType>("programme");
        Field<GovernorateCodeType>("governorate").Description("The municipality's governorate. A SUPERVISOR may only name their own.");
    }
}
