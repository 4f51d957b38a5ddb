using Actors.Contracts.Errors;
using GraphQL;

namespace Actors.Api.GraphQL.Errors;

/// <summary>GraphQL-level errors (malformed input, authentication, authorization, not found), each with extensions.code.</summary>
public static class ApiErrors
{
    public static ExecutionError BadInput(string message, string? field = null) =>
        With(ErrorCodes.BadUserInput, message, field is null ? [] : [("field", field)]);

    public static ExecutionError Unauthenticated() =>
        With(ErrorCodes.Unauthenticated, "Sign in first: send Authorization: Bearer <token>.");

    public static ExecutionError Forbidden(string message) => With(ErrorCodes.Forbidden, message);

    /// <summary>Too many calls; extensions.retryAfterSeconds (a whole number, at least 1) says when to try again.</summary>
    public static ExecutionError RateLimited(string message, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var error = new ExecutionError($"{message} Try again in {seconds} s.") { Code = ErrorCodes.RateLimited };
        error.Data[ActorsErrorInfoProvider.RetryAfterSeconds] = seconds;
        return error;
    }

    /// <summary>Not found and not yours look the same, so that ids cannot be probed; one wording everywhere.</summary>
    public static ExecutionError NotFound() => From(DomainError.NotFound());

    /// <summary>A domain refusal raised as a GraphQL error, its code and parameters kept.</summary>
    public static ExecutionError From(DomainError error) =>
        With(error.Code, error.Message, error.Parameters.Select(p => (p.Key, p.Value)).ToArray());

    public static ExecutionError With(string code, string message, params (string Key, string Value)[] parameters)
    {
        var error = new ExecutionError(message) { Code = code };
        foreach (var (key, value) in parameters)
        {
            error.Data[key] = value;
        }

        return error;
    }
}
