namespace Actors.Tests.Progress;

/// <summary>Timestamps that move only when the test says so (one tick = one microsecond).</summary>
public sealed class SteppedTime : TimeProvider
{
    private long _now = 1;

    public override long TimestampFrequency => 1_000_000;

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _now, (long)by.TotalMicroseconds);
}
