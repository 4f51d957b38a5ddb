using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Actors.Contracts.Naming;

/// <summary>
/// Grain references without Orleans' per-call type lookup. <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> resolves the
/// interface's grain interface type by reading its attributes on every call (reflection: 3 % of the API's CPU on a
/// <c>request(id)</c> read, 1.5 % of a silo's on a transition, docs/benchmarks.md); the pair it resolves (grain type,
/// interface type) never changes for a factory, so it is resolved once through <c>GetGrain&lt;T&gt;</c> itself and the
/// next references are built from it directly — the same references, by the same resolution.
/// </summary>
public static class GrainReferences
{
    private static readonly ConditionalWeakTable<IGrainFactory, ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)>> Resolved = new();

    public static T Reference<T>(this IGrainFactory grains, Guid key)
        where T : IGrainWithGuidKey =>
        Create(grains, GrainIdKeyExtensions.CreateGuidKey(key), static (g, k) => g.GetGrain<T>(k), key);

    public static T Reference<T>(this IGrainFactory grains, long key)
        where T : IGrainWithIntegerKey =>
        Create(grains, GrainIdKeyExtensions.CreateIntegerKey(key), static (g, k) => g.GetGrain<T>(k), key);

    public static T Reference<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Create(grains, IdSpan.Create(key), static (g, k) => g.GetGrain<T>(k), key);
    }

    private static T Create<T, TKey>(IGrainFactory grains, IdSpan key, Func<IGrainFactory, TKey, T> first, TKey primaryKey)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var resolved = Resolved.GetValue(grains, static _ => new ConcurrentDictionary<Type, (GrainType, GrainInterfaceType)>());
        if (resolved.TryGetValue(typeof(T), out var types))
        {
            return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
        }

        var reference = first(grains, primaryKey);
        if (reference is GrainReference made)
        {
            resolved.TryAdd(typeof(T), (made.GrainId.Type, made.InterfaceType));
        }

        return reference;
    }
}
