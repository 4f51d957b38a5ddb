using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class DocumentCheckOutcomeType : EnumerationGraphType<DocumentCheckOutcome>
{
    public DocumentCheckOutcomeType() => Name = "DocumentCheckOutcome";
}
