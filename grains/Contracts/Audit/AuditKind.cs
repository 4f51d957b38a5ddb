namespace Actors.Contracts.Audit;

/// <summary>Whether an audited operation changed something or read personal data.</summary>
public enum AuditKind
{
    /// <summary>A mutation (GraphQL) or an HTTP request that changes state.</summary>
    Mutation,

    /// <summary>A read of personal data (GraphQL personal fields, a document's PDF).</summary>
    Read,
}
