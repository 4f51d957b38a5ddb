using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Errors;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests.Events;
using GraphQL;
using Orleans.Streams;

namespace Actors.Api.Requests;

/// <summary>
/// The live status changes of requests in this API process: one subscription per shared stream
/// (<see cref="StreamNames.RequestStatusPartitions"/> of them) for however many GraphQL subscriptions, each of which gets
/// a <see cref="RequestStatusFeed"/> of its own request's steps. A shared stream is subscribed when the first GraphQL
/// subscription of one of its requests arrives and given up when the last one leaves: an API process without
/// subscribers then receives nothing, and the cost of a join (one pub-sub write) is paid per subscription at most,
/// never per step. Pub-sub rows stay one per shared stream, whatever the number of requests.
/// <para>
/// For one release (while silos of the previous one may still publish on their per-request stream during a rollout),
/// each feed also listens on its request's legacy stream unless <c>LiveUpdates:PreviousReleaseStreams</c> is false:
/// that costs one pub-sub row per subscribed request, never anything per step.
/// </para>
/// </summary>
public sealed class RequestStatusHub : IAsyncDisposable
{
    private readonly IClusterClient client;
    private readonly ILogger<RequestStatusHub> logger;
    private readonly bool previousReleaseStreams;
    private readonly RequestStatusPartition[] partitions;
    private readonly Lock gate = new();
    private readonly Dictionary<RequestStatusFeed, StreamSubscriptionHandle<RequestStatusChanged>> legacy = [];

    public RequestStatusHub(IClusterClient client, IConfiguration configuration, ILogger<RequestStatusHub> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.client = client;
        this.logger = logger;
        previousReleaseStreams = configuration.GetValue("LiveUpdates:PreviousReleaseStreams", true);
        partitions = [.. Enumerable.Range(0, StreamNames.RequestStatusPartitions)
            .Select(p => new RequestStatusPartition(() => Streams.GetStream<RequestStatusChanged>(StreamId.Create(StreamNames.RequestStatusShared, p)), logger))];
    }

    private IStreamProvider Streams => client.GetStreamProvider(StreamNames.Provider);

    /// <summary>The error a subscriber gets when its live updates stop: never a silent end.</summary>
    public static ExecutionError Interrupted() => ApiErrors.With(ErrorCodes.LiveUpdatesInterrupted,
        "Live updates of this request were interrupted. Read the request again and subscribe again.");

    /// <summary>
    /// A feed of the request's steps, listening once this returns: read the request after it, then call
    /// <see cref="RequestStatusFeed.StartAfter"/> with the version read.
    /// </summary>
    public async Task<RequestStatusFeed> JoinAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var partition = partitions[StreamNames.RequestStatusPartition(requestId)];
        var feed = new RequestStatusFeed(requestId, Leave);
        await partition.JoinAsync(feed, cancellationToken);
        if (!previousReleaseStreams)
        {
            return feed;
        }

        try
        {
            var handle = await Streams.GetStream<RequestStatusChanged>(StreamId.Create(StreamNames.RequestStatus, requestId))
                .SubscribeAsync((change, _) => Deliver(feed, change), error => Broken(feed, error));
            var leftMeanwhile = false;
            lock (gate)
            {
                if (!feed.HasLeft)
                {
                    legacy[feed] = handle;
                }
                else
                {
                    leftMeanwhile = true;
                }
            }

            if (leftMeanwhile)
            {
                await UnsubscribeAsync(handle);
            }
        }
        catch
        {
            feed.Leave();
            throw;
        }

        return feed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var partition in partitions)
        {
            await partition.CloseAsync();
        }

        StreamSubscriptionHandle<RequestStatusChanged>[] handles;
        lock (gate)
        {
            handles = [.. legacy.Values];
            legacy.Clear();
        }

        foreach (var handle in handles)
        {
            await UnsubscribeAsync(handle);
        }
    }

    private static Task Deliver(RequestStatusFeed feed, RequestStatusChanged change)
    {
        feed.Deliver(change);
        return Task.CompletedTask;
    }

    private Task Broken(RequestStatusFeed feed, Exception error)
    {
        logger.LogWarning(error, "The previous release's stream of request {RequestId} failed; its live subscription ends with an error", feed.RequestId);
        feed.Fail(Interrupted());
        return Task.CompletedTask;
    }

    private void Leave(RequestStatusFeed feed)
    {
        partitions[StreamNames.RequestStatusPartition(feed.RequestId)].Leave(feed);
        StreamSubscriptionHandle<RequestStatusChanged>? handle;
        lock (gate)
        {
            legacy.Remove(feed, out handle);
        }

        if (handle is not null)
        {
            _ = UnsubscribeAsync(handle);
        }
    }

    private async Task UnsubscribeAsync(StreamSubscriptionHandle<RequestStatusChanged> handle)
    {
        try
        {
            await handle.UnsubscribeAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Leaving a request's stream of the previous release failed");
        }
    }
}
