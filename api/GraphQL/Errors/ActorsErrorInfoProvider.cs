using Actors.Api.Security;
using Actors.Contracts.Errors;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// Shapes every GraphQL error the same way: extensions.code always set, structured parameters under
/// extensions.parameters, and no stack traces or internal exception text ever reach a client.
/// </summary>
public sealed class ActorsErrorInfoProvider : IErrorInfoProvider
{
    /// <summary>The extension a RATE_LIMITED error carries: whole seconds to wait.</summary>
    public const string RetryAfterSeconds = "retryAfterSeconds";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        // Any problem with the document or its variables is the client's: one code for all of them,
        // the validation rule's own code kept as a parameter for those who want it.
        // A document over a bound keeps its own code: the client must change the request's size, not its syntax.
        var malformed = executionError is (ValidationError or SyntaxError or InvalidVariableError or DocumentError) and not DocumentLimitError;
        // An unhandled exception's code is GraphQL for .NET's spelling of its type name (NULL_REFERENCE, ...): internals,
        // not a contract. It is an internal error whatever it says.
        var code = malformed ? ErrorCodes.BadUserInput
            : executionError is UnhandledError ? ErrorCodes.Internal
            : executionError.Code ?? CodeOf(executionError);
        if (malformed && executionError.Code is { } rule && rule != ErrorCodes.BadUserInput)
        {
            executionError.Data["rule"] = rule;
        }

        var message = code == ErrorCodes.Internal ? "Internal error. It has been logged." : executionError.Message;
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (executionError.Data.Count > 0)
        {
            extensions["parameters"] = executionError.Data.Keys.Cast<object>()
                .ToDictionary(k => k.ToString()!, k => executionError.Data[k]?.ToString());
        }

        // A client's retry loop reads one number where it expects it, as HTTP's Retry-After.
        if (executionError.Data[RetryAfterSeconds] is int seconds)
        {
            extensions[RetryAfterSeconds] = seconds;
        }

        if (executionError is DocumentLimitError refused)
        {
            extensions["bound"] = refused.Bound;
            extensions["limit"] = refused.Limit;
            if (refused.Measured is { } measured)
            {
                extensions["measured"] = measured;
            }
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static string CodeOf(ExecutionError error) => error switch
    {
        ValidationError or SyntaxError or InvalidVariableError => ErrorCodes.BadUserInput,
        DocumentError => ErrorCodes.BadUserInput,
        _ => ErrorCodes.Internal,
    };
}
