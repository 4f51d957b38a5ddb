using Actors.Contracts.Interop.Exchanges;
using GraphQL.Types;

namespace Actors.Api.Exchanges;

public sealed class ExchangeSortFieldType : EnumerationGraphType<ExchangeSortField>
{
    public ExchangeSortFieldType() => Name = "ExchangeSortField";
}
