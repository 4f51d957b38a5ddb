using Actors.Api.GraphQL;
using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class DocumentCheckType : ObjectGraphType<DocumentCheck>
{
    public DocumentCheckType()
    {
        Name = "DocumentCheck";
        Description = "One online check of a code (verifyDocument), as logged.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<DocumentCheckOutcomeType>>("outcome").Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("clientAddressHash")
            .Description("The caller's address as a keyed hash: the same caller gives the same hash, the address itself is not kept.")
            .Resolve(ctx => ctx.Source.ClientAddressHash);
    }
}
