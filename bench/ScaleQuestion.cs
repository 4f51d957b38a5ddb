namespace Actors.Bench;

/// <summary>
/// One analyst's question: the GraphQL operation with its caller's token and root field, and the hand-written SQL
/// (pgbench script) that answers it from <c>request_index</c>. <see cref="SummarySql"/>, when the API answers from the
/// <c>request_counts</c> summary instead, is the hand-written SQL over that summary: the like-for-like reference.
/// </summary>
public sealed record ScaleQuestion(string Name, string Query, string Token, string Field, string Sql, string? SummarySql = null);
