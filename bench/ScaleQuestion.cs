namespace Actors.Bench;

/// <summary>
/// One analyst's question: the GraphQL operation with its caller's token and root field, and the hand-written SQL
/// (pgbench script) that answers it from <c>request_index</c> in one plain statement. <see cref="SummarySql"/>, when the
/// API reads otherwise (the <c>request_counts</c> summary, one index walk per listed status), is the hand-written SQL that
/// reads the same way: the like-for-like reference the target is measured against.
/// </summary>
public sealed record ScaleQuestion(string Name, string Query, string Token, string Field, string Sql, string? SummarySql = null);
