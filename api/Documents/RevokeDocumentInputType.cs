using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class RevokeDocumentInputType : InputObjectGraphType<RevokeDocumentInput>
{
    public RevokeDocumentInputType()
    {
        Name = "RevokeDocumentInput";
        Description = "The document to withdraw and why.";
        Field<NonNullGraphType<StringGraphType>>("number").Description($"The document number, e.g. {DocumentNumbers.Example}.");
        Field<NonNullGraphType<RevocationReasonType>>("reason");
        Field<StringGraphType>("note").Description("Free text for the record (not shown to third parties).");
    }
}
