using GraphQL;

namespace Actors.Api.Transport;

/// <summary>
/// A response already printed as the GraphQL-over-HTTP body (a shared progress response, see
/// <see cref="Progress.ProgressResponses"/>): the HTTP endpoint writes <see cref="Body"/> as it is.
/// </summary>
internal sealed class RenderedExecutionResult : ExecutionResult
{
    public RenderedExecutionResult(byte[] body)
    {
        Body = body;
        Executed = true;
    }

    public byte[] Body { get; }
}
