using Actors.Api.GraphQL.Errors;
using GraphQL;

namespace Actors.Api.Audit;

public static class AuditErrors
{
    /// <summary>The code of an answer withheld because the trail could not record the operation.</summary>
    public const string Unavailable = "AUDIT_UNAVAILABLE";

    public static ExecutionError NotRecorded() =>
        ApiErrors.With(Unavailable, "The operation could not be recorded in the audit trail, so its answer is withheld: try again (mutations with their idempotencyKey).");
}
