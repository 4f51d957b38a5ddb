using Actors.Contracts.Requests.Events;
using Orleans.Streams;

namespace Actors.Api.Requests;

/// <summary>
/// One shared stream as this API process sees it: a single Orleans subscription, made when the first feed of one of its
/// requests joins and given up when the last one leaves, and the feeds it routes each step to by request id. A failed
/// or ended subscription fails every feed it served (their subscribers get an error and resubscribe); the next join
/// subscribes afresh.
/// </summary>
internal sealed class RequestStatusPartition(Func<IAsyncStream<RequestStatusChanged>> stream, ILogger logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, List<RequestStatusFeed>> feeds = [];

    // Subscribing and unsubscribing take turns, so a join never finds a subscription that is being given up.
    private readonly SemaphoreSlim turn = new(1, 1);
    private StreamSubscriptionHandle<RequestStatusChanged>? handle;
    private int generation;
    private int count;

    /// <summary>Routes the feed's request to it, and returns once the shared stream is subscribed: every step published from then on reaches it.</summary>
    public async Task JoinAsync(RequestStatusFeed feed, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!feeds.TryGetValue(feed.RequestId, out var routed))
            {
                feeds[feed.RequestId] = routed = [];
            }

            routed.Add(feed);
            count++;
        }

        try
        {
            await turn.WaitAsync(cancellationToken);
            try
            {
                await SubscribeIfNeededAsync();
            }
            finally
            {
                turn.Release();
            }
        }
        catch
        {
            Leave(feed);
            throw;
        }
    }

    /// <summary>Stops routing to the feed; the last one to leave gives the subscription up (in the background).</summary>
    public void Leave(RequestStatusFeed feed)
    {
        bool idle;
        lock (gate)
        {
            if (!feeds.TryGetValue(feed.RequestId, out var routed) || !routed.Remove(feed))
            {
                return;
            }

            if (routed.Count == 0)
            {
                feeds.Remove(feed.RequestId);
            }

            count--;
            idle = count == 0 && handle is not null;
        }

        if (idle)
        {
            _ = UnsubscribeIfIdleAsync();
        }
    }

    /// <summary>Gives the subscription up, whoever still listens (the process is stopping).</summary>
    public async Task CloseAsync()
    {
        await turn.WaitAsync();
        try
        {
            StreamSubscriptionHandle<RequestStatusChanged>? closing;
            lock (gate)
            {
                closing = handle;
                handle = null;
                generation++;
            }

            await UnsubscribeAsync(closing);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task SubscribeIfNeededAsync()
    {
        int subscribing;
        lock (gate)
        {
            // Nobody left to serve (the feeds that were waiting failed with the previous subscription): no subscription.
            if (handle is not null || count == 0)
            {
                return;
            }

            subscribing = ++generation;
        }

        var made = await stream().SubscribeAsync(
            (change, _) => OnChange(change),
            error => OnBroken(subscribing, error),
            () => OnBroken(subscribing, new InvalidOperationException("The shared stream of request status changes ended.")));
        var stale = false;
        lock (gate)
        {
            // A failure reported while subscribing already failed the feeds that were waiting: this handle is useless.
            if (generation == subscribing)
            {
                handle = made;
            }
            else
            {
                stale = true;
            }
        }

        if (stale)
        {
            await UnsubscribeAsync(made);
            throw RequestStatusHub.Interrupted();
        }
    }

    private async Task UnsubscribeIfIdleAsync()
    {
        await turn.WaitAsync();
        try
        {
            StreamSubscriptionHandle<RequestStatusChanged>? idle = null;
            lock (gate)
            {
                if (count == 0 && handle is not null)
                {
                    idle = handle;
                    handle = null;
                    generation++;
                }
            }

            await UnsubscribeAsync(idle);
        }
        finally
        {
            turn.Release();
        }
    }

    private Task OnChange(RequestStatusChanged change)
    {
        RequestStatusFeed[] routed;
        lock (gate)
        {
            if (!feeds.TryGetValue(change.Request.Id, out var list))
            {
                return Task.CompletedTask;
            }

            routed = [.. list];
        }

        foreach (var feed in routed)
        {
            feed.Deliver(change);
        }

        return Task.CompletedTask;
    }

    /// <summary>The subscription can no longer be trusted to deliver: every feed it served ends with an error.</summary>
    private Task OnBroken(int subscription, Exception error)
    {
        RequestStatusFeed[] failed;
        StreamSubscriptionHandle<RequestStatusChanged>? broken;
        lock (gate)
        {
            if (generation != subscription)
            {
                return Task.CompletedTask;
            }

            broken = handle;
            handle = null;
            generation++;
            failed = [.. feeds.Values.SelectMany(f => f)];
        }

        logger.LogWarning(error, "A shared stream of request status changes failed; {Count} live subscriptions end with an error", failed.Length);
        foreach (var feed in failed)
        {
            feed.Fail(RequestStatusHub.Interrupted());
        }

        _ = UnsubscribeAsync(broken);
        return Task.CompletedTask;
    }

    private async Task UnsubscribeAsync(StreamSubscriptionHandle<RequestStatusChanged>? subscription)
    {
        if (subscription is null)
        {
            return;
        }

        try
        {
            await subscription.UnsubscribeAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Leaving a shared stream of request status changes failed");
        }
    }
}
