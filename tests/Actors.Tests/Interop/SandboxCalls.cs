using System.Collections.Concurrent;
using Actors.Contracts.Interop;

namespace Actors.Tests.Interop;

/// <summary>How many calls reached a sandbox, per system.</summary>
public sealed class SandboxCalls
{
    private readonly ConcurrentDictionary<OutsideSystem, int> _counts = new();

    public int this[OutsideSystem system] => _counts.GetValueOrDefault(system);

    public void Count(OutsideSystem system) => _counts.AddOrUpdate(system, 1, (_, n) => n + 1);
}
