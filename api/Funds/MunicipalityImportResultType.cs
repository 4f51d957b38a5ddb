using Actors.Api.GraphQL;
using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class MunicipalityImportResultType : ObjectGraphType<MunicipalityImportResult>
{
    public const string TypeName = "MunicipalityImportResult";

    public MunicipalityImportResultType()
    {
        Name = TypeName;
        Description = "What an import did. Idempotent by code: the same file again counts every row as unchanged. Good rows are applied even when others are rejected.";
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(ctx => ctx.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Resolve(ctx => ctx.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(ctx => ctx.Source.Unchanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MunicipalityImportRejectionType>>>>("rejected")
            .Description("Rows not applied, by line.").Resolve(ctx => ctx.Source.Rejected);
        Field<NonNullGraphType<IntGraphType>>("municipalityCount").Description("Municipalities registered after the import.")
            .Resolve(ctx => ctx.Source.MunicipalityCount);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
    }
}
