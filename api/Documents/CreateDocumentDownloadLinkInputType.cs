using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class CreateDocumentDownloadLinkInputType : InputObjectGraphType<CreateDocumentDownloadLinkInput>
{
    public CreateDocumentDownloadLinkInputType()
    {
        Name = "CreateDocumentDownloadLinkInput";
        Description = "The document to link to.";
        Field<NonNullGraphType<StringGraphType>>("number").Description($"The document number, e.g. {DocumentNumbers.Example}.");
    }
}
