using Actors.Contracts.Centers;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class CenterKindType : EnumerationGraphType<CenterKind>
{
    public CenterKindType()
    {
        Name = "CenterKind";
        Description = "ONE_STOP_SHOP: administrative services in a National Security district; MODEL_OFFICE: both categories at separate desks; JUDICIAL_OFFICE: judicial services only.";
    }
}
