namespace Actors.Tests.Transport;

/// <summary>Emits 1, 2, 3... at an interval, then completes after <c>count</c> values (never when count is null).</summary>
public sealed class CountingObservable(int? count, TimeSpan interval) : IObservable<int>
{
    public IDisposable Subscribe(IObserver<int> observer)
    {
        var stop = new CancellationTokenSource();
        _ = RunAsync(observer, stop.Token);
        return stop;
    }

    private async Task RunAsync(IObserver<int> observer, CancellationToken cancellation)
    {
        try
        {
            for (var value = 1; count is null || value <= count; value++)
            {
                await Task.Delay(interval, cancellation);
                observer.OnNext(value);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException)
        {
            // Unsubscribed: an observable says nothing more after that.
        }
    }
}
