using GraphQL;

namespace Actors.Api.Transport;

/// <summary>Forwards one subscription's event stream to its WebSocket operation.</summary>
internal sealed class GraphQLWebSocketStreamObserver(GraphQLWebSocketConnection connection, GraphQLWebSocketOperation operation)
    : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => connection.SendNext(operation, value);

    public void OnError(Exception error) => connection.FailStream(operation, error);

    public void OnCompleted() => connection.CompleteStream(operation);
}
