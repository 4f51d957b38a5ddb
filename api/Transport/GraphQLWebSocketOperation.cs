namespace Actors.Api.Transport;

/// <summary>
/// One running subscribe of a connection: its cancellation, the stream subscription and the DI
/// scope of its resolvers. Finished exactly once, by whichever side ends it first.
/// </summary>
internal sealed class GraphQLWebSocketOperation
{
    private readonly CancellationTokenSource cancellation;
    private readonly object gate = new();
    private IDisposable? subscription;
    private AsyncServiceScope? scope;
    private bool finished;

    public GraphQLWebSocketOperation(string id, CancellationToken connectionClosing)
    {
        Id = id;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionClosing);

        // Kept apart from the source: the source is disposed when the operation ends, the token is still read afterwards.
        Cancellation = cancellation.Token;
    }

    public string Id { get; }

    public CancellationToken Cancellation { get; }

    public bool IsActive
    {
        get
        {
            lock (gate)
            {
                return !finished;
            }
        }
    }

    /// <summary>Ties the operation's DI scope to its lifetime; disposed at once if it already ended.</summary>
    public void Attach(AsyncServiceScope serviceScope)
    {
        lock (gate)
        {
            if (!finished)
            {
                scope = serviceScope;
                return;
            }
        }

        _ = DisposeScopeAsync(serviceScope);
    }

    /// <summary>Keeps the stream subscription; unsubscribes at once if the client completed meanwhile.</summary>
    public void Attach(IDisposable streamSubscription)
    {
        lock (gate)
        {
            if (!finished)
            {
                subscription = streamSubscription;
                return;
            }
        }

        streamSubscription.Dispose();
    }

    /// <summary>Ends the operation. True for the one caller that ended it, who may send the final message.</summary>
    public bool TryFinish()
    {
        IDisposable? toUnsubscribe;
        AsyncServiceScope? toDispose;
        lock (gate)
        {
            if (finished)
            {
                return false;
            }

            finished = true;
            toUnsubscribe = subscription;
            toDispose = scope;
            subscription = null;
            scope = null;
        }

        cancellation.Cancel();
        toUnsubscribe?.Dispose();
        cancellation.Dispose();
        if (toDispose is { } s)
        {
            _ = DisposeScopeAsync(s);
        }

        return true;
    }

    // Scoped services may be async-only disposables. Nobody awaits this: a failing Dispose of a
    // resolver's service must not surface as an unobserved exception or take the connection down.
    private static async Task DisposeScopeAsync(AsyncServiceScope serviceScope)
    {
        try
        {
            await serviceScope.DisposeAsync();
        }
#pragma warning disable CA1031
        catch (Exception)
#pragma warning restore CA1031
        {
            // Deliberately swallowed: see above; the operation has already ended for the client.
        }
    }
}
