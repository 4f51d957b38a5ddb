using GraphQL.Types;

namespace Actors.Api.GraphQL.Relay;

/// <summary><c>interface Node { id: ID! }</c>: every object reachable through <c>node(id:)</c>.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global, opaque, type-tagged id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; pass it to node(id:).");
    }
}
