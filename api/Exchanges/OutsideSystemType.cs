using Actors.Contracts.Interop;
using GraphQL.Types;

namespace Actors.Api.Exchanges;

public sealed class OutsideSystemType : EnumerationGraphType<OutsideSystem>
{
    public OutsideSystemType()
    {
        Name = "OutsideSystem";
        Description = "Another administration's system (or a provider) that the pathway asks on a request's behalf.";
    }
}
