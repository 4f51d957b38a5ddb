using Actors.Api.GraphQL;
using Actors.Contracts.Requests.Index;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class RequestOrderInputType : InputObjectGraphType<RequestOrderInput>
{
    public RequestOrderInputType()
    {
        Name = "RequestOrderInput";
        Description = "Ties are broken by id, so pages are stable.";
        Field<NonNullGraphType<EnumerationGraphType<RequestSortField>>>("field");
        Field<SortDirectionType>("direction").DefaultValue(SortDirectionType.Descending);
    }
}
