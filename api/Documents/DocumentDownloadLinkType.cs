using Actors.Api.GraphQL;
using Actors.Contracts.Documents;
using GraphQL.Types;

namespace Actors.Api.Documents;

public sealed class DocumentDownloadLinkType : ObjectGraphType<DocumentDownloadLink>
{
    public const string TypeName = "DocumentDownloadLink";

    public DocumentDownloadLinkType()
    {
        Name = TypeName;
        Description = "A one-time link to a document's PDF: it needs no token, works once, and expires.";
        Field<NonNullGraphType<StringGraphType>>("path")
            .Description("Path on this API, e.g. /documents/7K2QF-4M7TZ-9XW3C.pdf?link=…; prefix it with the API's address.")
            .Resolve(ctx => DocumentPaths.PdfLink(ctx.Source.Number, ctx.Source.Token));
        Field<NonNullGraphType<DateTimeScalar>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
    }
}
