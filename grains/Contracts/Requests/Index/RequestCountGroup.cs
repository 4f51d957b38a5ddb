namespace Actors.Contracts.Requests.Index;

/// <summary>One group of a count: its value for each grouped dimension (as text) and how many requests it holds.</summary>
public sealed record RequestCountGroup(IReadOnlyDictionary<RequestDimension, string> Key, long Count);
