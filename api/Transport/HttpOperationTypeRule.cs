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
        var type = context.Operation.Operation;
        var allowed = type == OperationType.Query || (!IsGet && type == OperationType.Mutation);
        if (!allowed)
        {
            context.ReportError(new HttpOperationTypeError(context.Document.Source, context.Operation, IsGet));
        }

        return ValueTask.FromResult<INodeVisitor?>(null);
    }
}
