using Actors.Contracts.Errors;
using Actors.Api.GraphQL.Errors;
using GraphQL;

namespace Actors.Api.Audit;

/// <summary>The outcome the trail keeps for an operation that failed: the code its caller was answered with.</summary>
internal static class AuditOutcome
{
    public static string Of(Exception ex) => ex switch
    {
        ExecutionError { Code: { Length: > 0 } code } => code,
        DomainException domain => domain.Error.Code,
        OperationCanceledException => "CANCELLED",
        _ when ClusterUnavailability.Explains(ex) => ErrorCodes.ServiceUnavailable,
        _ => ErrorCodes.Internal,
    };
}
