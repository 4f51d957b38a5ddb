using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class MunicipalityImportRejectionType : ObjectGraphType<MunicipalityImportRejection>
{
    public MunicipalityImportRejectionType()
    {
        Name = "MunicipalityImportRejection";
        Description = "A CSV row that was not applied.";
        Field<NonNullGraphType<IntGraphType>>("line").Description("Line in the file; the header is line 1.").Resolve(ctx => ctx.Source.Line);
        Field<StringGraphType>("code").Description("The row's code, when readable.").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}
