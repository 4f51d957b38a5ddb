using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryRoundStatusType : EnumerationGraphType<SchoolDeliveryRoundStatus>
{
    public SchoolDeliveryRoundStatusType() => Name = "SchoolDeliveryRoundStatus";
}
