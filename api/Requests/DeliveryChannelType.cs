using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class DeliveryChannelType : EnumerationGraphType<DeliveryChannel>
{
    public DeliveryChannelType() => Name = "DeliveryChannel";
}
