using Actors.Api.Centers;
using Actors.Api.Documents;
using Actors.Api.Funds;
using Actors.Api.GraphQL.Errors;
using Actors.Api.Requests;
using GraphQL.Types;

namespace Actors.Api.GraphQL;

public sealed class ActorsSchema : Schema
{
    public ActorsSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Description = "Actors: the Ministry of the Interior's digital public services (national ID card, bulletin no. 3, service centers, the local authorities' fund).";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;

        // Types reachable only through interfaces, unions or type references must be registered by hand.
        RegisterType(typeof(CitizenRequestType));
        RegisterType(typeof(ServiceCenterType));
        RegisterType(typeof(ErrorInterface));
        RegisterType(typeof(MunicipalityImportResultType));
        RegisterType(typeof(DocumentDownloadLinkType));
    }
}
