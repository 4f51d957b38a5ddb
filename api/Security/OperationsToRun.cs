using GraphQLParser.AST;

namespace Actors.Api.Security;

/// <summary>
/// The operations of a document that a check made before execution must judge: the one the request names, or, when
/// the name picks none (absent, or unknown: execution will refuse it), every operation of the document, so that a
/// check can never be passed by naming a light operation beside a heavy one.
/// </summary>
public static class OperationsToRun
{
    public static IReadOnlyList<GraphQLOperationDefinition> Of(GraphQLDocument document, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var named = operationName is null ? [] : operations.Where(o => o.Name?.StringValue == operationName).ToList();
        return named.Count > 0 ? named : operations;
    }
}
