using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class ImportMunicipalitiesInputType : InputObjectGraphType<ImportMunicipalitiesInput>
{
    public ImportMunicipalitiesInputType()
    {
        Name = "ImportMunicipalitiesInput";
        Description = "A CSV with header line code,nameAr,nameFr,governorate,isNew[,isDemo] (any order; comma or semicolon; UTF-8). "
                      + "Upserts by code; bad rows are reported by line, good rows applied.";
        Field<NonNullGraphType<StringGraphType>>("csv").Description($"At most {MunicipalityCsv.MaxCharacters} characters.");
        Field<StringGraphType>("source").Description("Where the file comes from, kept in the import's audit line.");
    }
}
