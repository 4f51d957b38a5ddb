using Actors.Api.Authorization;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Interop;
using Actors.Api.Requests;
using Actors.Contracts.Interop.Exchanges;
using GraphQL.Types;

namespace Actors.Api.Exchanges;

public sealed class ExchangeType : ObjectGraphType<ExchangeRecord>
{
    public const string TypeName = "Exchange";

    public ExchangeType()
    {
        Name = TypeName;
        Description = "One exchange with an outside system on a request's behalf: what was asked (names of fields, not their values), "
                      + "what came back, how long it took, who or what triggered it.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is ExchangeRecord;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => Id(ctx.Source.Id));
        Field<CitizenRequestType>("request").Description("The request, as the caller may see it; null when they may not.")
            .ResolveAsync(async ctx => ctx.Actor() is { } actor ? await ctx.Service<RequestLookup>().Find(ctx.Source.RequestId, actor) : null);
        Field<NonNullGraphType<StringGraphType>>("requestReference").Resolve(ctx => ctx.Source.RequestReference);
        Field<NonNullGraphType<OutsideSystemType>>("system").Resolve(ctx => ctx.Source.System);
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("Why the step needed it.").Resolve(ctx => ctx.Source.Purpose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dataItems")
            .Description("Names of the fields asked; never their values.").Resolve(ctx => ctx.Source.DataItems);
        Field<NonNullGraphType<StringGraphType>>("outcome")
            .Description("A stable code: MATCH, MISMATCH, NOT_FOUND, DECEASED, ENROLLED, NOT_ENROLLED, ANOTHER_SCHOOL, CONFIRMED, NOT_GUARDIAN, "
                + "GUARDIAN_NOT_FOUND, CLEAN, HAS_ENTRIES, REGISTERED, REFUNDED, FOUND, UNAVAILABLE, REFUSED.")
            .Resolve(ctx => ctx.Source.Outcome);
        Field<StringGraphType>("detail").Description("What the code leaves out: the field that differs (MISMATCH), why the system did not answer (UNAVAILABLE: timeout, server-error, circuit-open), the gateway's code (REFUSED).")
            .Resolve(ctx => ctx.Source.Detail);
        Field<NonNullGraphType<IntGraphType>>("latencyMilliseconds").Description("From the first attempt to the answer (or the giving up).")
            .Resolve(ctx => (int)Math.Min(ctx.Source.LatencyMilliseconds, int.MaxValue));
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(ctx => ctx.Source.Attempts);
        Field<NonNullGraphType<StringGraphType>>("triggeredBy").Description(ActorDisplay.Documentation)
            .Resolve(ctx => ActorDisplay.ForCaller(ctx.Actor(), ctx.Source.TriggeredBy, ctx.Source.CenterId, ctx.Source.Governorate));
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
    }

    public static string Id(Guid id) => GlobalId.Encode(TypeName, id);
}
