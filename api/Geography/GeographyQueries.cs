using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Geography;

public static class GeographyQueries
{
    public static void AddGeographyQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GovernorateType>>>>("governorates")
            .Description("The 24 governorates, in ISO code order.")
            .Resolve(_ => Governorates.All);
}
