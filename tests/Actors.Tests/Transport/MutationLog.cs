namespace Actors.Tests.Transport;

/// <summary>Counts executed mutations, to prove that a refused request never ran one.</summary>
public sealed class MutationLog
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Record() => Interlocked.Increment(ref count);
}
