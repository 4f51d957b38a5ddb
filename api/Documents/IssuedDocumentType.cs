using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class IssuedDocumentType : ObjectGraphType<IssuedDocument>
{
    public const string TypeName = "IssuedDocument";

    public IssuedDocumentType()
    {
        Name = TypeName;
        Description = "A signed digital document (bulletin no. 3), as its owner and the desk see it.";
        Field<NonNullGraphType<StringGraphType>>("number").Description("Document number, also its verification code.").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<RequestKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<DocumentStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeScalar>>("issuedAt").Resolve(ctx => ctx.Source.IssuedAt);
        Field<NonNullGraphType<DateTimeScalar>>("validUntil").Resolve(ctx => ctx.Source.ValidUntil);
        Field<NonNullGraphType<StringGraphType>>("issuer").Resolve(ctx => ctx.Source.Issuer);
        Field<NonNullGraphType<StringGraphType>>("keyId")
            .Description("The signing key's id, as listed at /.well-known/document-keys.")
            .Resolve(ctx => ctx.Source.KeyId);
        Field<NonNullGraphType<StringGraphType>>("qrText")
            .Description("The signed payload as printed in the QR code (\"TND1:…\"), for a wallet or a screen; /verify and tools/verify check it offline.")
            .Resolve(ctx => ctx.Source.QrText);
        Field<NonNullGraphType<StringGraphType>>("pdfPath")
            .Description("Where its owner downloads the A4 PDF with a bearer token: GET /documents/{number}.pdf. Without a token, use createDocumentDownloadLink.")
            .Resolve(ctx => DocumentPaths.Pdf(ctx.Source.Number));
        Field<DocumentRevocationType>("revocation").Resolve(ctx => ctx.Source.Revocation);
        Field<StringGraphType>("supersededBy").Description("The number of the newer extract that replaced it.").Resolve(ctx => ctx.Source.SupersededBy);
        Field<DateTimeScalar>("supersededAt").Resolve(ctx => ctx.Source.SupersededAt);
    }
}
