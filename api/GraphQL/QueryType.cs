using Actors.Api.Audit;
using Actors.Api.Campaigns;
using Actors.Api.Centers;
using Actors.Api.Documents;
using Actors.Api.Exchanges;
using Actors.Api.Funds;
using Actors.Api.Geography;
using Actors.Api.Progress;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Api.Sandbox;
using Actors.Api.Scheduling;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.GraphQL;

/// <summary>The query root; each feature adds its own fields.</summary>
public sealed class QueryType : ObjectGraphType
{
    public const int MaxNodesPerCall = 50;

    public QueryType(NodeResolvers nodes, IHostEnvironment environment)
    {
        Name = "Query";
        Field<NodeInterface>("node")
            .Description("Any object by its global id; null (with NOT_FOUND) when it does not exist or is not yours.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await nodes.Resolve(ctx, ctx.GetArgument<string>("id")) ?? throw ApiErrors.NotFound());
        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Objects by global ids, in the same order; null where not found or not yours. At most {MaxNodesPerCall} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                if (ids.Count > MaxNodesPerCall)
                {
                    throw ApiErrors.BadInput($"At most {MaxNodesPerCall} ids.", "ids");
                }

                return await Task.WhenAll(ids.Select(id => nodes.Resolve(ctx, id)));
            });

        this.AddGeographyQueries();
        this.AddCenterQueries(nodes);
        this.AddCalendarQueries();
        this.AddSlotQueries();
        this.AddRequestQueries(nodes);
        this.AddDocumentQueries();
        this.AddProgressQueries();
        this.AddFundQueries(nodes);
        this.AddFundUseQueries();
        this.AddExchangeQueries(nodes);
        this.AddCampaignQueries(nodes);
        this.AddSchoolDeliveryQueries(nodes);
        this.AddSandboxQueries(environment);
        this.AddAuditQueries();
    }
}
