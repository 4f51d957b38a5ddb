using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class ChangeCenterServicesInputType : InputObjectGraphType<ChangeCenterServicesInput>
{
    public ChangeCenterServicesInputType()
    {
        Name = "ChangeCenterServicesInput";
        Description = "Changes what a center offers, e.g. upgrading a one-stop shop to a MODEL_OFFICE that serves both categories at separate desks.";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<CenterKindType>>("kind");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CenterServiceType>>>>("services");
        Field<StringGraphType>("reason");
    }
}
