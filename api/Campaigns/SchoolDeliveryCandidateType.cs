using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Api.Requests;
using Actors.Contracts.Campaigns;
using GraphQL.Types;

namespace Actors.Api.Campaigns;

public sealed class SchoolDeliveryCandidateType : ObjectGraphType<SchoolDeliveryCandidate>
{
    public SchoolDeliveryCandidateType()
    {
        Name = "SchoolDeliveryCandidate";
        Description = "A pupil's card READY_FOR_DELIVERY for a campaign school, as the request list last saw it.";
        Field<NonNullGraphType<IdGraphType>>("requestId").Description("The CitizenRequest's id.").Resolve(ctx => CitizenRequestType.Id(ctx.Source.RequestId));
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(ctx => ctx.Source.Reference);
        Field<StringGraphType>("givenName").Description("The pupil's given name only.").Resolve(ctx => ctx.Source.GivenName);
        Field<StringGraphType>("grade").Description("The pupil's class or grade, when the request gave it.").Resolve(ctx => ctx.Source.Grade);
        Field<ServiceCenterType>("center").Description("Where the card waits.")
            .ResolveAsync(async ctx => await ctx.Service<CenterLookup>().Find(ctx.Source.CenterId));
        Field<IdGraphType>("roundId").Description("The open delivery round that already holds the card; null when it is free.")
            .Resolve(ctx => ctx.Source.RoundId is { } id ? SchoolDeliveryRoundType.Id(id) : null);
    }
}
