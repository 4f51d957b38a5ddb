using System.Collections.Concurrent;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// Every grain call the host makes (an outgoing call filter), so a test can count the calls an operation caused:
/// counted, not timed, so the answer does not depend on the machine.
/// </summary>
public sealed class GrainCallLog : IOutgoingGrainCallFilter
{
    private readonly ConcurrentQueue<(Type? Interface, GrainId Target)> _calls = new();

    /// <summary>A position in the log; calls after it are counted by the methods below.</summary>
    public int Mark => _calls.Count;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _calls.Enqueue((context.InterfaceMethod?.DeclaringType, context.TargetId));
        await context.Invoke();
    }

    /// <summary>Calls to grains of any type since <paramref name="mark"/>.</summary>
    public int CountSince(int mark) => _calls.Count - mark;

    /// <summary>Calls to grains of <typeparamref name="TGrain"/> since <paramref name="mark"/>, by target.</summary>
    public IReadOnlyList<GrainId> CallsTo<TGrain>(int mark)
        where TGrain : IAddressable =>
        [.. _calls.Skip(mark).Where(c => c.Interface == typeof(TGrain)).Select(c => c.Target)];
}
