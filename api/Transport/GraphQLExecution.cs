using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;

namespace Actors.Api.Transport;

/// <summary>Runs one GraphQL operation the same way for both transports.</summary>
internal static class GraphQLExecution
{
    public static async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        GraphQLUserContext userContext,
        IServiceProvider services,
        IValidationRule? extraRule,
        CancellationToken cancellationToken)
    {
        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var options = new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = userContext,
            User = userContext.User,
            RequestServices = services,
            CancellationToken = cancellationToken,
        };

        if (extraRule is not null)
        {
            // Rules registered through AddGraphQL (complexity, ...) are appended to this list by the executer.
            options.ValidationRules = DocumentValidator.CoreRules.Append(extraRule);
        }

        var result = await executer.ExecuteAsync(options);

        // Input errors name the input path, as the resolvers' own BAD_USER_INPUT errors do.
        InputErrorExplainer.Explain(result, request.Query, request.OperationName, services.GetRequiredService<ISchema>());
        return result;
    }
}
