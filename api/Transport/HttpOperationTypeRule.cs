using GraphQL.Validation;
using GraphQLParser.AST;

namespace Actors.Api.Transport;

/// <summary>
/// Limits the operation types HTTP may carry: GET only queries (GET must stay safe for caches and
/// prefetching), POST queries and mutations (subscriptions need a stream: the WebSocket transport).
/// A validation rule sees the operation the executer selected, before anything executes.
/// </summary>
internal sealed class HttpOperationTypeRule : ValidationRuleBase
{
    private HttpOperationTypeRule(bool isGet) => IsGet = isGet;

    public static HttpOperationTypeRule ForGet { get; } = new(isGet: true);

    public static HttpOperationTypeRule ForPost { get; } = new(isGet: false);

    public bool IsGet { get; }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (Check(context.Document, context.Operation) is { } refused)
        {
            context.ReportError(refused);
        }

        return ValueTask.FromResult<INodeVisitor?>(null);
    }

    /// <summary>
    /// The rule on its own, null when <paramref name="operation"/> may travel this way. For a document GraphQL for .NET
    /// does not validate again (<see cref="ValidatedDocuments"/>): as a validation rule, even this one alone makes it walk
    /// the whole document with its type information.
    /// </summary>
    public HttpOperationTypeError? Check(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var type = operation.Operation;
        var allowed = type == OperationType.Query || (!IsGet && type == OperationType.Mutation);
        return allowed ? null : new HttpOperationTypeError(document.Source, operation, IsGet);
    }

    /// <summary>
    /// The operation the executer will run: the one named, or the only one when none is named; null when it would refuse
    /// to choose (no such name, several unnamed), so that its own error is the answer as before.
    /// </summary>
    public static GraphQLOperationDefinition? Selected(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? only = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(operationName))
            {
                if (operation.Name is { } name && name.StringValue == operationName)
                {
                    return operation;
                }
            }
            else if (only is not null)
            {
                return null;
            }
            else
            {
                only = operation;
            }
        }

        return string.IsNullOrEmpty(operationName) ? only : null;
    }
}
