using Orleans.Streams;

namespace Actors.Api.GraphQL;

/// <summary>
/// An Orleans stream seen as an IObservable for GraphQL subscriptions. The stream subscription is
/// made (and awaited) before the resolver returns, so nothing committed after that point can be
/// missed; items arriving before GraphQL attaches its observer are buffered. Items failing the
/// filter are dropped (queued streams may deliver an item published just before subscribing).
/// Disposing leaves the stream, so a closed WebSocket leaves no subscription behind.
/// </summary>
public sealed class OrleansStreamObservable<T> : IObservable<T>
{
    private const int MaxBuffered = 256;

    private readonly Lock gate = new();
    private readonly List<T> buffered = [];
    private readonly ILogger logger;
    private StreamSubscriptionHandle<T>? handle;
    private IObserver<T>? observer;
    private Func<T, bool> accept = _ => true;
    private int left;

    private OrleansStreamObservable(ILogger logger) => this.logger = logger;

    public static async Task<OrleansStreamObservable<T>> SubscribeAsync(IAsyncStream<T> stream, ILogger logger)
    {
        var observable = new OrleansStreamObservable<T>(logger);
        observable.handle = await stream.SubscribeAsync(observable.OnItem, observable.OnError, observable.OnCompleted);
        return observable;
    }

    /// <summary>Sets which items pass, e.g. only versions after the one the caller has seen.</summary>
    public void Accept(Func<T, bool> predicate)
    {
        lock (gate)
        {
            accept = predicate;
        }
    }

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (gate)
        {
            this.observer = observer;
            foreach (var item in buffered.Where(accept))
            {
                observer.OnNext(item);
            }

            buffered.Clear();
        }

        return new Subscription(this);
    }

    /// <summary>Leaves the stream; safe to call more than once.</summary>
    public async Task LeaveAsync()
    {
        if (Interlocked.Exchange(ref left, 1) == 1 || handle is null)
        {
            return;
        }

        try
        {
            await handle.UnsubscribeAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Leaving a stream subscription failed");
        }
    }

    private Task OnItem(T item, StreamSequenceToken? token)
    {
        lock (gate)
        {
            if (observer is null)
            {
                if (buffered.Count < MaxBuffered)
                {
                    buffered.Add(item);
                }
            }
            else if (accept(item))
            {
                observer.OnNext(item);
            }
        }

        return Task.CompletedTask;
    }

    private Task OnError(Exception error)
    {
        lock (gate)
        {
            observer?.OnError(error);
        }

        return Task.CompletedTask;
    }

    private Task OnCompleted()
    {
        lock (gate)
        {
            observer?.OnCompleted();
        }

        return Task.CompletedTask;
    }

    private sealed class Subscription(OrleansStreamObservable<T> owner) : IDisposable
    {
        public void Dispose() => _ = owner.LeaveAsync();
    }
}
