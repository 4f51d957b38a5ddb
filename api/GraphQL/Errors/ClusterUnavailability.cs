using Actors.Contracts.Errors;
using GraphQL;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// Tells a failure of the cluster itself (a silo lost or declared dead, a connection refused, a call that got no answer
/// in time) from a bug: the first is a reason to try again and reaches the client as <c>SERVICE_UNAVAILABLE</c>, the
/// second stays an internal error. Orleans' own exception types, so that a new kind of failure is not retried blindly.
/// </summary>
public static class ClusterUnavailability
{
    /// <summary>Whether <paramref name="exception"/> (or what it wraps) says the cluster did not answer, not that the code failed.</summary>
    public static bool Explains(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is Orleans.Runtime.OrleansMessageRejectionException       // includes SiloUnavailableException
                or Orleans.Runtime.Messaging.ConnectionFailedException
                or Orleans.Runtime.GatewayTooBusyException
                or TimeoutException)                                             // a grain call with no response in time
            {
                return true;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } many)
            {
                return many.InnerExceptions.All(Explains);
            }
        }

        return false;
    }

    /// <summary>The error the client gets: try again in a second, with the same keys.</summary>
    public static ExecutionError Error()
    {
        var error = ApiErrors.With(
            ErrorCodes.ServiceUnavailable,
            "The service did not answer in time (one of its servers was lost or overloaded), so this may or may not have been done. "
            + "Send the same operation again: with the same idempotencyKey or expectedVersion a change is applied at most once.");
        error.Data[ActorsErrorInfoProvider.RetryAfterSeconds] = 1;
        return error;
    }
}
