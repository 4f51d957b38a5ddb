using System.Text.Json;
using System.Threading.Channels;

namespace Actors.Api.Progress;

/// <summary>
/// The snapshots of <c>progressChanged</c>: one at once, then at most one per interval, only when the answer changed
/// (its groups, total or figures). It reads the request index itself rather than following request events, because
/// the index is what the snapshot shows: with PostgreSQL it is fed by the outbox, after the events, and an event-driven
/// snapshot could show the state before the change. Between the reader and the connection sits a buffer of one
/// snapshot that keeps the latest: a slow client skips intermediate snapshots instead of making the server queue them.
/// The interval is real time (it spares the server), whatever the application clock says.
/// </summary>
public sealed class ProgressLiveFeed(Func<CancellationToken, Task<RequestProgress>> read, TimeSpan interval, ILogger logger)
    : IObservable<RequestProgress>
{
    public IDisposable Subscribe(IObserver<RequestProgress> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var stop = new CancellationTokenSource();
        var latest = Channel.CreateBounded<RequestProgress>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        _ = Task.Run(() => Watch(latest.Writer, stop.Token), CancellationToken.None);
        _ = Task.Run(() => Deliver(latest.Reader, observer, stop.Token), CancellationToken.None);
        return new Stop(stop);
    }

    private async Task Watch(ChannelWriter<RequestProgress> latest, CancellationToken cancellationToken)
    {
        string? shown = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var snapshot = await read(cancellationToken);
                var fingerprint = await Fingerprint(snapshot);
                if (fingerprint != shown)
                {
                    shown = fingerprint;
                    latest.TryWrite(snapshot);
                }

                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            latest.TryComplete(ex);
            return;
        }

        latest.TryComplete();
    }

    private async Task Deliver(ChannelReader<RequestProgress> latest, IObserver<RequestProgress> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in latest.ReadAllAsync(cancellationToken))
            {
                observer.OnNext(snapshot);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left: nothing to tell it.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "A live progress feed stopped");
            observer.OnError(ex);
        }
    }

    /// <summary>What the client would see, as text: an equal fingerprint means nothing in scope changed.</summary>
    private static async Task<string> Fingerprint(RequestProgress snapshot) =>
        JsonSerializer.Serialize(new
        {
            groups = snapshot.Groups.Select(g => new { key = g.Key.ToDictionary(k => k.Key.ToString(), k => k.Value), g.Count, g.Suppressed }),
            snapshot.Total,
            figures = await snapshot.Figures.Value,
        });

    private sealed class Stop(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
