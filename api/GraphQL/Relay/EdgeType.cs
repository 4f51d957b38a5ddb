using GraphQL.Types;

namespace Actors.Api.GraphQL.Relay;

/// <summary><c>{Node}Edge { cursor node }</c> for any node graph type.</summary>
public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = ConnectionNames.NodeName<TNodeType>() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque; pass it as after/before.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
