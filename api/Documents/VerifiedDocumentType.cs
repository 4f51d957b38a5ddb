using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class VerifiedDocumentType : ObjectGraphType<DocumentCheckAnswer>
{
    public VerifiedDocumentType()
    {
        Name = "VerifiedDocument";
        Description = "An issued digital document as a third party may check it online: its standing, kind, dates and the holder's name as printed; nothing else.";
        Field<NonNullGraphType<DocumentStatusType>>("status")
            .Description("VALID, EXPIRED, REVOKED (withdrawn by a supervisor) or SUPERSEDED (a newer extract exists for the holder).")
            .Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("valid")
            .Description("True when status is VALID.")
            .DeprecationReason("Use status: it says why a document is not valid.")
            .Resolve(ctx => ctx.Source.Status == DocumentStatus.Valid);
        Field<NonNullGraphType<RequestKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<DateScalar>>("issuedOn").Description("Day of issue (Africa/Tunis).").Resolve(ctx => ctx.Source.IssuedOn);
        Field<NonNullGraphType<DateScalar>>("validUntil").Description("Last day of validity (Africa/Tunis).").Resolve(ctx => ctx.Source.ValidUntil);
        Field<StringGraphType>("reference")
            .Description("No longer disclosed: a third party learns nothing about the request behind a document. Always null.")
            .DeprecationReason("The request's reference is not a third party's to know; use the document's code.")
            .Resolve(_ => null);
        Field<NonNullGraphType<DateTimeScalar>>("issuedAt")
            .DeprecationReason("Use issuedOn: the day is what a document states.")
            .Resolve(ctx => ctx.Source.IssuedAt);
        Field<NonNullGraphType<StringGraphType>>("holderName").Description("As printed, in Arabic script.").Resolve(ctx => ctx.Source.HolderName);
        Field<StringGraphType>("holderNameLatin").Description("As printed, in Latin script, when the civil registry has it.").Resolve(ctx => ctx.Source.HolderNameLatin);
    }
}
