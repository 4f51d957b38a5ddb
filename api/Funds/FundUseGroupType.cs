using Actors.Api.Geography;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundUseGroupType : ObjectGraphType<AllocationSumGroup>
{
    public FundUseGroupType()
    {
        Name = "FundUseGroup";
        Description = "One group; the fields of the dimensions not grouped by are null.";
        Field<FundProgrammeCodeType>("programme").Resolve(ctx => ctx.Source.Programme);
        Field<GovernorateType>("governorate").Description("The municipalities' governorate.")
            .Resolve(ctx => ctx.Source.Governorate is { } code ? Governorates.Find(code) : null);
        Field<NonNullGraphType<FundUseFiguresType>>("figures").Resolve(ctx => ctx.Source.Figures);
    }
}
