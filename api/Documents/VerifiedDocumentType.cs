using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class VerifiedDocumentType : ObjectGraphType<IssuedDocument>
{
    public VerifiedDocumentType()
    {
        Name = "VerifiedDocument";
        Description = "An issued digital document, as a third party may check it.";
        Field<NonNullGraphType<BooleanGraphType>>("valid").Description("False when the document was revoked.").Resolve(ctx => !ctx.Source.Revoked);
        Field<NonNullGraphType<RequestKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Reference);
        Field<NonNullGraphType<StringGraphType>>("holderName").Resolve(ctx => ctx.Source.HolderName);
        Field<NonNullGraphType<DateTimeScalar>>("issuedAt").Resolve(ctx => ctx.Source.IssuedAt);
    }
}
