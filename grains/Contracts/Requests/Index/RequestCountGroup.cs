namespace Actors.Contracts.Requests.Index;

/// <summary>One group of a count: its value for each grouped dimension (as text) and how many requests it holds. A value is null for
/// requests without one (the school of a request that is not a pupil's).</summary>
public sealed record RequestCountGroup(IReadOnlyDictionary<RequestDimension, string?> Key, long Count);
