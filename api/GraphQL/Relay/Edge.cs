namespace Actors.Api.GraphQL.Relay;

/// <summary>
/// An edge of a connection: its node, and its cursor, encoded the first time it is asked for. Most pages show their
/// nodes and pageInfo only; encoding fifty cursors nobody reads was a fifth of what a page of requests allocated.
/// </summary>
public sealed class Edge<T>
{
    private readonly Func<string>? encode;
    private string? cursor;

    public Edge(string cursor, T node)
    {
        this.cursor = cursor;
        Node = node;
    }

    public Edge(Func<string> encode, T node)
    {
        this.encode = encode;
        Node = node;
    }

    public T Node { get; }

    /// <summary>Opaque; encoded once (two resolvers racing would encode the same text).</summary>
    public string Cursor => cursor ??= encode!();
}
