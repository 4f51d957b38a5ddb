using Orleans.Streams;

namespace Actors.Api.GraphQL;

/// <summary>
/// An Orleans stream seen as an IObservable for GraphQL subscriptions: subscribing joins the stream,
/// disposing leaves it, so a closed WebSocket leaves no subscription behind.
/// </summary>
public sealed class OrleansStreamObservable<T>(IAsyncStream<T> stream, ILogger logger) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var handle = stream.SubscribeAsync(
            (item, _) =>
            {
                observer.OnNext(item);
                return Task.CompletedTask;
            },
            error =>
            {
                observer.OnError(error);
                return Task.CompletedTask;
            },
            () =>
            {
                observer.OnCompleted();
                return Task.CompletedTask;
            });
        return new Subscription(handle, logger);
    }

    private sealed class Subscription(Task<StreamSubscriptionHandle<T>> handle, ILogger logger) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1)
            {
                return;
            }

            _ = Leave();
        }

        private async Task Leave()
        {
            try
            {
                await (await handle).UnsubscribeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Leaving a stream subscription failed");
            }
        }
    }
}
