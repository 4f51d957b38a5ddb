namespace Actors.Api.GraphQL.Relay;

/// <summary>A Relay connection page: edges in order, page info, the filtered total, and how fresh the projection is.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount, DateTimeOffset? AsOf);
