using System.Collections.Concurrent;
using Actors.Api.GraphQL;
using Actors.Contracts.Errors;
using GraphQL;
using GraphQL.Transport;

namespace Actors.Api.Transport;

/// <summary>
/// The operations a connection is running, by id: starts each off the read loop, forwards its
/// results (one for a query or mutation, a stream for a subscription) and sends its one final
/// message, <c>complete</c> or <c>error</c>, unless the client completed it first.
/// </summary>
internal sealed class GraphQLWebSocketOperations(
    GraphQLWebSocketWriter writer, IGraphQLTextSerializer serializer, IServiceScopeFactory scopes, ILogger logger)
{
    private readonly ConcurrentDictionary<string, GraphQLWebSocketOperation> running = new(StringComparer.Ordinal);

    /// <summary>Operations running now on this connection.</summary>
    public int Running => running.Count;

    /// <summary>Refuses a subscribe with the protocol's error message for its id; nothing was started.</summary>
    public void Refuse(string id, ExecutionError error) => SendError(id, [error]);

    /// <summary>False when the id is already running (the protocol then closes the connection).</summary>
    public bool TryStart(string id, GraphQLRequest request, GraphQLUserContext userContext, CancellationToken connectionClosing)
    {
        var operation = new GraphQLWebSocketOperation(id, connectionClosing);
        if (!running.TryAdd(id, operation))
        {
            operation.TryFinish();
            return false;
        }

        // Off the read loop: a slow resolver must not hold up pings or other operations.
        _ = Task.Run(() => RunAsync(operation, request, userContext));
        return true;
    }

    /// <summary>The client asked to stop: nothing more is sent for this id, not even complete.</summary>
    public void Cancel(string id)
    {
        if (running.TryRemove(id, out var operation))
        {
            operation.TryFinish();
        }
    }

    /// <summary>The connection ended: every operation stops without a final message.</summary>
    public void CancelAll()
    {
        foreach (var operation in running.Values)
        {
            operation.TryFinish();
        }

        running.Clear();
    }

    internal void SendNext(GraphQLWebSocketOperation operation, ExecutionResult result)
    {
        if (operation.IsActive)
        {
            writer.Send("next", operation.Id, serializer.Serialize(result));
        }
    }

    internal void Complete(GraphQLWebSocketOperation operation)
    {
        if (Finish(operation))
        {
            writer.Send("complete", operation.Id, null);
        }
    }

    internal void Fail(GraphQLWebSocketOperation operation, Exception error)
    {
        logger.LogWarning(error, "A GraphQL subscription stream failed.");
        if (Finish(operation))
        {
            SendError(operation.Id, [error as ExecutionError ?? InternalError()]);
        }
    }

    private static ExecutionError InternalError() => new("The operation failed on the server.") { Code = ErrorCodes.Internal };

    private async Task RunAsync(GraphQLWebSocketOperation operation, GraphQLRequest request, GraphQLUserContext userContext)
    {
        // One scope per operation: a connection can live for hours and run operations concurrently,
        // so scoped services (caches, units of work) must not be shared across them.
        var scope = scopes.CreateAsyncScope();
        operation.Attach(scope);
        try
        {
            var result = await GraphQLExecution.ExecuteAsync(request, userContext, scope.ServiceProvider, null, operation.Cancellation);
            if (!result.Executed)
            {
                // Parse, validation or variable errors: the protocol's error message, which ends the operation.
                if (Finish(operation))
                {
                    SendError(operation.Id, result.Errors ?? [InternalError()]);
                }

                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                // Validation allows a single root field in a subscription, hence a single stream.
                operation.Attach(streams.Values.First().Subscribe(new GraphQLWebSocketStreamObserver(this, operation)));
                return;
            }

            SendNext(operation, result);
            Complete(operation);
        }
        catch (Exception) when (operation.Cancellation.IsCancellationRequested)
        {
            // Completed by the client or the connection closed: nobody is waiting for an answer.
            Finish(operation);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A GraphQL operation over WebSocket failed.");
            if (Finish(operation))
            {
                SendError(operation.Id, [InternalError()]);
            }
        }
    }

    private bool Finish(GraphQLWebSocketOperation operation)
    {
        if (!operation.TryFinish())
        {
            return false;
        }

        running.TryRemove(new KeyValuePair<string, GraphQLWebSocketOperation>(operation.Id, operation));
        return true;
    }

    private void SendError(string id, ExecutionErrors errors) => writer.Send("error", id, serializer.Serialize(errors));
}
