using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class EnrolmentImportStatusType : EnumerationGraphType<EnrolmentImportStatus>
{
    public EnrolmentImportStatusType() => Name = "EnrolmentImportStatus";
}
