using Actors.Contracts.ReadModels;
using GraphQL.Types;


namespace Actors.Api.GraphQL.Relay;

/// <summary><c>{Node}Connection { edges nodes pageInfo totalCount asOf }</c> for any node graph type.</summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        Name = ConnectionNames.NodeName<TNodeType>() + "Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges").Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The nodes of the edges, for clients that need no cursors.")
            .Resolve(ctx => ctx.Source.Edges.Select(e => e.Node).ToList());
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Size of the whole filtered list, not of this page.")
            .Resolve(ctx => ctx.Source.TotalCount != KeysetPage<object>.NotCounted
                ? ctx.Source.TotalCount
                : throw new InvalidOperationException("totalCount was not counted: the list was read as if it were not selected."));
        Field<DateTimeScalar>("asOf")
            .Description("When the list's projection was last brought up to date (lists are projections; mutation payloads are authoritative).")
            .Resolve(ctx => ctx.Source.AsOf);
    }
}
