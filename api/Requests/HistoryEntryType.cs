using Actors.Api.Authorization;
using Actors.Api.GraphQL;
using Actors.Contracts.Identity;
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
        Field<NonNullGraphType<StringGraphType>>("actor").Description(ActorDisplay.Documentation).Resolve(ctx => ctx.Source.Actor);
        // A referral's reason says the record has entries: the citizen and supervisors read it, the center's agents do not.
        Field<StringGraphType>("reason")
            .Description("Why. A REFERRED step's reason is shown to the citizen and to supervisors only.")
            .Resolve(ctx => ctx.Source.Status == RequestStatus.Referred && ctx.Actor()?.Role is not (ActorRole.Citizen or ActorRole.Supervisor)
                ? null
                : ctx.Source.Reason);
        Field<RequestActionType>("action").Description("Null for the submission.").Resolve(ctx => ctx.Source.Action);
    }
}
