using Actors.Api.GraphQL;
using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class HistoryEntryType : ObjectGraphType<HistoryEntry>
{
    public HistoryEntryType()
    {
        Name = "RequestHistoryEntry";
        Description = "One recorded step of a request.";
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(ctx => ctx.Source.Version);
        Field<NonNullGraphType<RequestStatusType>>("status").Description("The status this step led to.").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("ROLE:subject of whoever took the step.").Resolve(ctx => ctx.Source.Actor);
        Field<StringGraphType>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<RequestActionType>("action").Description("Null for the submission.").Resolve(ctx => ctx.Source.Action);
    }
}
