using Actors.Contracts.Requests.Index;

namespace Actors.Api.Progress;

/// <summary>A counted group as shown to the caller: the count is withheld when small enough to point at people.</summary>
public sealed record ProgressGroup(IReadOnlyDictionary<RequestDimension, string?> Key, long? Count, bool Suppressed);
