using Actors.Contracts.Errors;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Actors.Api.Transport;

/// <summary>The error of <see cref="HttpOperationTypeRule"/>; on GET the HTTP endpoint turns it into 405.</summary>
internal sealed class HttpOperationTypeError : ValidationError
{
    public HttpOperationTypeError(ROM source, GraphQLOperationDefinition operation, bool isGet)
        : base(source, null, MessageFor(operation.Operation, isGet), operation)
    {
        IsGet = isGet;
        Code = isGet ? ErrorCodes.MethodNotAllowed : ErrorCodes.OperationNotSupported;
    }

    public bool IsGet { get; }

    private static string MessageFor(OperationType type, bool isGet) => type == OperationType.Subscription
        ? "Subscriptions are served over WebSocket (subprotocol graphql-transport-ws) on this same path, not over HTTP."
        : $"Only queries can be sent with GET; send this {type.ToString().ToLowerInvariant()} with POST.";
}
