using Actors.Contracts.Requests.Events;

namespace Actors.Api.Requests;

/// <summary>
/// The steps of one request for one GraphQL subscription, routed to it by <see cref="RequestStatusHub"/> from the shared
/// streams (and, for one release, from the previous release's stream of that request). It exists before the subscriber
/// reads the request, so nothing committed after that read can be missed; steps arriving before GraphQL attaches its
/// observer are kept. Only steps after the version the subscriber read pass, each once and in version order (a step that
/// arrives after a later one, possible only while two releases publish on two streams, is skipped: the later one
/// carries the newer request). A feed whose stream failed ends with an error, never silently.
/// </summary>
public sealed class RequestStatusFeed : IObservable<RequestStatusChanged>
{
    // GraphQL attaches its observer as soon as the resolver returns: a longer queue means something is wrong.
    private const int MaxBuffered = 256;

    private readonly Lock gate = new();
    private readonly List<RequestStatusChanged> buffered = [];
    private readonly Action<RequestStatusFeed> leave;
    private IObserver<RequestStatusChanged>? observer;
    private Exception? failure;
    private long delivered;
    private int left;

    internal RequestStatusFeed(Guid requestId, Action<RequestStatusFeed> leave)
    {
        RequestId = requestId;
        this.leave = leave;
    }

    public Guid RequestId { get; }

    internal bool HasLeft => Volatile.Read(ref left) == 1;

    /// <summary>Only steps after this version pass: the version of the request as the subscriber read it after joining.</summary>
    public void StartAfter(long version)
    {
        lock (gate)
        {
            delivered = version;
        }
    }

    public IDisposable Subscribe(IObserver<RequestStatusChanged> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (gate)
        {
            this.observer = observer;
            if (failure is not null)
            {
                observer.OnError(failure);
            }
            else
            {
                foreach (var change in buffered.OrderBy(c => c.Version))
                {
                    Pass(change);
                }
            }

            buffered.Clear();
        }

        return new Leaving(this);
    }

    /// <summary>Leaves the streams; safe to call more than once.</summary>
    public void Leave()
    {
        if (Interlocked.Exchange(ref left, 1) == 0)
        {
            leave(this);
        }
    }

    internal void Deliver(RequestStatusChanged change)
    {
        var overflowed = false;
        lock (gate)
        {
            if (failure is not null)
            {
                return;
            }

            if (observer is not null)
            {
                Pass(change);
            }
            else if (buffered.Count < MaxBuffered)
            {
                buffered.Add(change);
            }
            else
            {
                overflowed = true;
            }
        }

        if (overflowed)
        {
            Fail(RequestStatusHub.Interrupted());
        }
    }

    /// <summary>Ends the feed with an error (its subscriber must read the request again and resubscribe), and leaves.</summary>
    internal void Fail(Exception error)
    {
        lock (gate)
        {
            if (failure is not null)
            {
                return;
            }

            failure = error;
            observer?.OnError(error);
        }

        Leave();
    }

    private void Pass(RequestStatusChanged change)
    {
        if (change.Version > delivered)
        {
            delivered = change.Version;
            observer!.OnNext(change);
        }
    }

    private sealed class Leaving(RequestStatusFeed feed) : IDisposable
    {
        public void Dispose() => feed.Leave();
    }
}
