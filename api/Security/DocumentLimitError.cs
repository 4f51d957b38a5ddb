using GraphQL.Execution;

namespace Actors.Api.Security;

/// <summary>
/// A document refused before validation because it is over a bound. Carries the bound's name and
/// value (and the measured figure) so that the client can tell which one to respect.
/// </summary>
public sealed class DocumentLimitError : DocumentError
{
    public DocumentLimitError(string code, string bound, long limit, long? measured, string message)
        : base(message)
    {
        Code = code;
        Bound = bound;
        Limit = limit;
        Measured = measured;
    }

    /// <summary>The bound's name as in <c>GraphQL:Limits</c>, e.g. <c>MaxDepth</c>.</summary>
    public string Bound { get; }

    public long Limit { get; }

    /// <summary>The document's figure for the bound, when it was measured to the end (the cost always is).</summary>
    public long? Measured { get; }
}
