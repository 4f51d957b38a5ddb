using Actors.Contracts.Interop.Payments;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class GatewayEventKindType : EnumerationGraphType<GatewayNoticeKind>
{
    public GatewayEventKindType()
    {
        Name = "GatewayEventKind";
        Description = "What the gateway told us (payment.authorised, payment.captured, ...), or our refund.";
    }
}
