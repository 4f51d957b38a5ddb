using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryOutcomeType : EnumerationGraphType<SchoolDeliveryOutcome>
{
    public SchoolDeliveryOutcomeType() => Name = "SchoolDeliveryOutcome";
}
