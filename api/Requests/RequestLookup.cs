using System.Collections.Concurrent;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;

namespace Actors.Api.Requests;

/// <summary>
/// Per-operation loader of requests as the caller may see them: each request is read from its grain once per
/// operation however many objects point at it (a page of exchanges names the same request many times).
/// </summary>
public sealed class RequestLookup(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<(Guid, Actor), Lazy<Task<CitizenRequestView?>>> _found = new();

    /// <summary>The request, or null when it does not exist or the caller may not see it.</summary>
    public Task<CitizenRequestView?> Find(Guid id, Actor actor) =>
        _found.GetOrAdd((id, actor), key => new Lazy<Task<CitizenRequestView?>>(() => grains.Reference<ICitizenRequestGrain>(key.Item1).Find(key.Item2))).Value;
}
