using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class CenterWhereInputType : InputObjectGraphType<CenterWhere>
{
    public CenterWhereInputType()
    {
        Name = "CenterWhereInput";
        Description = "All conditions are combined with AND; an empty list means any.";
        Field<ListGraphType<NonNullGraphType<GovernorateCodeType>>>("governorates");
        Field<ListGraphType<NonNullGraphType<CenterKindType>>>("kinds");
        Field<ListGraphType<NonNullGraphType<RolloutPhaseType>>>("phases");
        Field<ListGraphType<NonNullGraphType<CenterServiceType>>>("services").Description("Centers offering all of these.");
        Field<BooleanGraphType>("takesRequests");
        Field<StringGraphType>("search").Description("Part of the code or of the Arabic or French name (case and accents ignored).");
    }
}
