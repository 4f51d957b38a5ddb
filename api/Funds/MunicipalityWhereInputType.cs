using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class MunicipalityWhereInputType : InputObjectGraphType<MunicipalityWhere>
{
    public MunicipalityWhereInputType()
    {
        Name = "MunicipalityWhereInput";
        Description = "All conditions are combined with AND; an empty list means any.";
        Field<ListGraphType<NonNullGraphType<GovernorateCodeType>>>("governorates");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("codes");
        Field<BooleanGraphType>("isNew").Description("Only new municipalities (true) or only the others (false).");
        Field<BooleanGraphType>("isDemo");
        Field<StringGraphType>("search").Description("Part of the code or of the Arabic or French name (case ignored).");
    }
}
