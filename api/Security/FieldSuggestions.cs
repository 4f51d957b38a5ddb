using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Validation;

namespace Actors.Api.Security;

/// <summary>
/// GraphQL for .NET ends some validation messages with "Did you mean 'x'?", naming fields, arguments
/// and types of the schema: with introspection off that would still let a caller map the schema by
/// guessing. Where suggestions are off, the sentence is cut from the message and nothing else changes.
/// </summary>
internal static partial class FieldSuggestions
{
    public static void Remove(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(e => Suggestion().IsMatch(e.Message)))
        {
            return;
        }

        var kept = new ExecutionErrors();
        foreach (var error in errors)
        {
            kept.Add(Suggestion().IsMatch(error.Message) ? WithoutSuggestion(error) : error);
        }

        result.Errors = kept;
    }

    private static ValidationError WithoutSuggestion(ExecutionError error)
    {
        var stripped = new ValidationError(Suggestion().Replace(error.Message, string.Empty)) { Code = error.Code, Path = error.Path };
        foreach (var location in error.Locations ?? [])
        {
            stripped.AddLocation(location);
        }

        return stripped;
    }

    [GeneratedRegex(@"\s*Did you mean [^?]*\?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Suggestion();
}
