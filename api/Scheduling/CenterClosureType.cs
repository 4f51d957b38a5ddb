using Actors.Api.GraphQL;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class CenterClosureType : ObjectGraphType<CenterClosure>
{
    public const string TypeName = "CenterClosure";

    public CenterClosureType()
    {
        Name = TypeName;
        Description = "A center's own closure, both days included (works, an outage, a local event).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("What removeCenterClosure takes.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<DateScalar>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateScalar>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}
