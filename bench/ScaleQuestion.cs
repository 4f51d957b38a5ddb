namespace Actors.Bench;

/// <summary>One analyst's question: the GraphQL operation with its caller's token and root field, and the hand-written SQL (pgbench script) that answers it.</summary>
public sealed record ScaleQuestion(string Name, string Query, string Token, string Field, string Sql);
