using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryActionType : EnumerationGraphType<SchoolDeliveryAction>
{
    public SchoolDeliveryActionType() => Name = "SchoolDeliveryAction";
}
