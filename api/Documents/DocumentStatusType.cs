using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class DocumentStatusType : EnumerationGraphType<DocumentStatus>
{
    public DocumentStatusType() => Name = "DocumentStatus";
}
