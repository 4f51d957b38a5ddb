using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class AllocationWhereInputType : InputObjectGraphType<AllocationWhere>
{
    public AllocationWhereInputType()
    {
        Name = "AllocationWhereInput";
        Description = "All conditions are combined with AND; an empty list means any.";
        Field<ListGraphType<NonNullGraphType<FundProgrammeCodeType>>>("programmes");
        Field<ListGraphType<NonNullGraphType<GovernorateCodeType>>>("governorates");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("municipalityCodes");
        Field<ListGraphType<NonNullGraphType<AllocationStatusType>>>("statuses");
    }
}
