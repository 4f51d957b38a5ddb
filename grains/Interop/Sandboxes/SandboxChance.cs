namespace Actors.Interop.Sandboxes;

/// <summary>
/// The sandboxes' one source of chance (failure and timeout rates, latency jitter). Seeded from
/// <c>Sandboxes:Seed</c> when set, so that a run can be replayed; a test may register its own.
/// </summary>
public sealed class SandboxChance(Random random)
{
    private readonly Lock _gate = new();

    /// <summary>In [0, 1).</summary>
    public double NextDouble()
    {
        lock (_gate)
        {
            return random.NextDouble();
        }
    }

    /// <summary>In [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        lock (_gate)
        {
            return random.Next(maxExclusive);
        }
    }
}
