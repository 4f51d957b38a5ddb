using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Errors;
using GraphQL;

namespace Actors.Api.GraphQL;

/// <summary>
/// Why a piece of free text or a date was refused: BAD_USER_INPUT with <c>extensions.field</c> (the input path) and
/// <c>extensions.reason</c>, one of these constants, so that a client can tell the refusals apart without reading
/// the message.
/// </summary>
public static class InputRefusals
{
    public const string TrailingNewline = "TRAILING_NEWLINE";
    public const string TooManyCombiningMarks = "TOO_MANY_COMBINING_MARKS";
    public const string MixedScripts = "MIXED_SCRIPTS";
    public const string NotAnEmailAddress = "NOT_AN_EMAIL_ADDRESS";
    public const string DateOutOfRange = "DATE_OUT_OF_RANGE";

    public static ExecutionError Refuse(string field, string reason, string message) =>
        ApiErrors.With(ErrorCodes.BadUserInput, message, ("field", field), ("reason", reason));
}
