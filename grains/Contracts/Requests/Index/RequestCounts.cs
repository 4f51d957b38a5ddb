namespace Actors.Contracts.Requests.Index;

/// <summary>Counts of the filtered requests, grouped; groups ordered by their key values.</summary>
public sealed record RequestCounts(IReadOnlyList<RequestCountGroup> Groups, long Total, DateTimeOffset AsOf);
