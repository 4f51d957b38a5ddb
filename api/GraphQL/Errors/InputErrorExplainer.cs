using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQLParser;
using GraphQLParser.AST;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// Rewrites the input errors that GraphQL.NET raises before execution (a wrong literal, a variable
/// that does not coerce) into one <see cref="InputValueError"/> per wrong value, named by its input
/// path as our own BAD_USER_INPUT errors are. Any error it cannot place is left as it was.
/// </summary>
internal static partial class InputErrorExplainer
{
    public static void Explain(ExecutionResult result, string? query, string? operationName, ISchema schema)
    {
        if (query is null || result.Errors is not { Count: > 0 } errors
            || !errors.Any(e => e is ArgumentsOfCorrectTypeError or InvalidVariableError))
        {
            return;
        }

        var document = Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return;
        }

        var checker = new InputLiteralChecker(schema, document);
        checker.Check(operation);
        var explained = new ExecutionErrors();
        var literalsDone = false;
        foreach (var error in errors)
        {
            switch (error)
            {
                case ArgumentsOfCorrectTypeError when checker.Problems.Count > 0:
                    if (!literalsDone)
                    {
                        // One error per wrong value of the whole operation, in document order, instead of one per argument.
                        literalsDone = true;
                        foreach (var (problem, node) in checker.Problems)
                        {
                            explained.Add(new InputValueError(query, error.Code, problem, node));
                        }
                    }

                    break;
                case InvalidVariableError variable when ExplainVariable(variable, query, operation, checker, schema) is { Count: > 0 } problems:
                    explained.AddRange(problems);
                    break;
                default:
                    explained.Add(error);
                    break;
            }
        }

        result.Errors = explained;
    }

    private static List<InputValueError> ExplainVariable(
        InvalidVariableError error, ROM query, GraphQLOperationDefinition operation, InputLiteralChecker checker, ISchema schema)
    {
        var match = VariableMessage().Match(error.Message);
        if (!match.Success)
        {
            return [];
        }

        var segments = match.Groups["path"].Value.Split('.');
        var definition = operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == segments[0]);
        if (definition is null)
        {
            return [];
        }

        // Walk the variable's type down its path; "a[2]" names item 2 of list a.
        var path = checker.VariableUses.GetValueOrDefault(segments[0], segments[0]);
        var type = schema.AllTypes[NamedTypeOf(definition.Type)];
        foreach (var segment in segments.Skip(1))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            path = InputProblem.Join(path, segment);
            type = (type as IInputObjectGraphType)?.GetField(name)?.ResolvedType?.GetNamedType();
        }

        var reason = match.Groups["reason"].Value;
        var unknown = UnknownFields().Match(reason);
        List<InputProblem> problems = unknown.Success && type is IInputObjectGraphType input
            ? [.. QuotedNames().Matches(unknown.Groups["names"].Value).Select(n => InputProblem.UnknownField(path, n.Groups[1].Value, input))]
            : reason.Contains("non-null", StringComparison.Ordinal) ? [InputProblem.Required(path)]
            : [InputProblem.InvalidValue(path, type)];
        return [.. problems.Select(p => new InputValueError(query, error.Code, p, definition))];
    }

    private static string NamedTypeOf(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => NamedTypeOf(nonNull.Type),
        GraphQLListType list => NamedTypeOf(list.Type),
        GraphQLNamedType named => named.Name.StringValue,
        _ => string.Empty,
    };

    [GeneratedRegex(@"^Variable '\$(?<path>[^']+)' is invalid\. (?<reason>.*)$", RegexOptions.Singleline)]
    private static partial Regex VariableMessage();

    [GeneratedRegex(@"^Unrecognized input fields (?<names>.+) for type", RegexOptions.Singleline)]
    private static partial Regex UnknownFields();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNames();
}
