namespace Actors.Tests.Transport;

/// <summary>A clock stopped at a given instant, to issue tokens that are already expired.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
