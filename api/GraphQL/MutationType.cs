using Actors.Api.Campaigns;
using Actors.Api.Centers;
using Actors.Api.Documents;
using Actors.Api.Funds;
using Actors.Api.GraphQL.Errors;
using Actors.Api.Requests;
using Actors.Api.Scheduling;
using GraphQL.Types;

namespace Actors.Api.GraphQL;

/// <summary>The mutation root: verbNoun(input: VerbNounInput!): VerbNounPayload!, each feature adding its own.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(DomainErrorTypes errors)
    {
        Name = "Mutation";
        this.AddRequestMutations(errors);
        this.AddCenterMutations(errors);
        this.AddCalendarMutations(errors);
        this.AddDocumentMutations(errors);
        this.AddFundMutations(errors);
        this.AddCampaignMutations(errors);
        this.AddSchoolDeliveryMutations(errors);
    }
}
