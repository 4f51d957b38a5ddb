using Actors.Api.Progress;
using Actors.Api.Requests;
using GraphQL.Types;

namespace Actors.Api.GraphQL;

public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        this.AddRequestSubscriptions();
        this.AddProgressSubscriptions();
    }
}
