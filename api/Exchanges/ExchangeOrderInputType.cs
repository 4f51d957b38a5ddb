using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Exchanges;

public sealed class ExchangeOrderInputType : InputObjectGraphType<ExchangeOrderInput>
{
    public ExchangeOrderInputType()
    {
        Name = "ExchangeOrderInput";
        Description = "Default: newest exchanges first (AT, DESC). Ties are broken by id.";
        Field<NonNullGraphType<ExchangeSortFieldType>>("field");
        Field<SortDirectionType>("direction").DefaultValue(SortDirectionType.Descending);
    }
}
