using Actors.Api.GraphQL;
using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class DocumentRevocationType : ObjectGraphType<DocumentRevocation>
{
    public DocumentRevocationType()
    {
        Name = "DocumentRevocation";
        Field<NonNullGraphType<RevocationReasonType>>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<StringGraphType>("note").Resolve(ctx => ctx.Source.Note);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("by").Resolve(ctx => ctx.Source.By);
    }
}
