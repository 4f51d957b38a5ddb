using GraphQL;

namespace Actors.Api.Transport;

/// <summary>Forwards one subscription's event stream to its WebSocket operation.</summary>
internal sealed class GraphQLWebSocketStreamObserver(GraphQLWebSocketOperations operations, GraphQLWebSocketOperation operation)
    : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => operations.SendNext(operation, value);

    public void OnError(Exception error) => operations.Fail(operation, error);

    public void OnCompleted() => operations.Complete(operation);
}
