namespace Actors.Api.Security;

/// <summary>The <c>extensions.code</c> of a request refused for its size or cost, before anything ran.</summary>
public static class GraphQLLimitCodes
{
    /// <summary>The text itself is too long or has too many tokens.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    /// <summary>Too deep, or too many selections, aliases, directives, fragments or variables.</summary>
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";

    /// <summary>The operation's computed cost is over the caller's budget.</summary>
    public const string QueryTooCostly = "QUERY_TOO_COSTLY";

    /// <summary>A WebSocket subscribe over the connection's bound on operations running at once.</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";

    /// <summary>Introspection is turned off on this server.</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
}
