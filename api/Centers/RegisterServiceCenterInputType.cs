using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class RegisterServiceCenterInputType : InputObjectGraphType<RegisterServiceCenterInput>
{
    public RegisterServiceCenterInputType()
    {
        Name = "RegisterServiceCenterInput";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Stable code, 2 to 32 of A-Z, 0-9 and '-', e.g. TUN-NORD.");
        Field<NonNullGraphType<StringGraphType>>("nameAr");
        Field<NonNullGraphType<StringGraphType>>("nameFr");
        Field<NonNullGraphType<GovernorateCodeType>>("governorate");
        Field<NonNullGraphType<StringGraphType>>("district").Description("The National Security district.");
        Field<NonNullGraphType<CenterKindType>>("kind");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CenterServiceType>>>>("services");
        Field<NonNullGraphType<IntGraphType>>("dailyCapacity");
    }
}
