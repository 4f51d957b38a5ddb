using Actors.Contracts.Idempotency;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class StartPaymentInputType : InputObjectGraphType<StartPaymentInput>
{
    public StartPaymentInputType()
    {
        Name = "StartPaymentInput";
        Description = "Pays a request's fee online: the request must be AWAITING_PAYMENT.";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<StringGraphType>("idempotencyKey").Description($"{IdempotencyPolicy.KeyFormat}; the same key on the same request returns the same payment.");
    }
}
