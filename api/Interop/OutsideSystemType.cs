using Actors.Contracts.Interop;
using GraphQL.Types;

namespace Actors.Api.Interop;

public sealed class OutsideSystemType : EnumerationGraphType<OutsideSystem>
{
    public OutsideSystemType()
    {
        Name = "OutsideSystem";
        Description = "A system outside ours that the pathway asks: another administration, the payment gateway, the notifications provider.";
    }
}
