using Actors.Contracts.Centers;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class CenterServiceType : EnumerationGraphType<CenterService>
{
    public CenterServiceType() => Name = "CenterService";
}
