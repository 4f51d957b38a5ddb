using Actors.Contracts.Requests.Payments;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class OnlinePaymentStatusType : EnumerationGraphType<PaymentStatus>
{
    public OnlinePaymentStatusType()
    {
        Name = "OnlinePaymentStatus";
        Description = "CREATED → AUTHORISED → CAPTURED; DECLINED (with the gateway's code), EXPIRED; CAPTURED → REFUNDED.";
    }
}
