using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.Interop;
using GraphQL.Types;

namespace Actors.Api.Exchanges;

public sealed class ExchangeWhereInputType : InputObjectGraphType<ExchangeWhere>
{
    public ExchangeWhereInputType()
    {
        Name = "ExchangeWhereInput";
        Description = "All conditions are combined with AND; an empty list means any. The caller's scope always applies on top.";
        Field<IdGraphType>("requestId").Description("Global id of a request: its exchanges only.");
        Field<ListGraphType<NonNullGraphType<OutsideSystemType>>>("systems");
        Field<ListGraphType<NonNullGraphType<GovernorateCodeType>>>("governorates").Description("Where the request is handled.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("centerIds").Description("Global ids of the centers handling the requests.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("outcomes").Description("Outcomes as the exchanges spell them, compared exactly.");
        Field<DateTimeScalar>("from").Description("Inclusive.");
        Field<DateTimeScalar>("to").Description("Exclusive; after from.");
    }
}
