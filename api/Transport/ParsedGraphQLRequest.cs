using Actors.Contracts.Errors;
using GraphQL.Transport;

namespace Actors.Api.Transport;

/// <summary>A GraphQL request read from HTTP, or the status and message that refuse it.</summary>
internal readonly record struct ParsedGraphQLRequest(GraphQLRequest? Request, int StatusCode, string? Error, string? ErrorCode)
{
    public static ParsedGraphQLRequest Ok(GraphQLRequest request) => new(request, StatusCodes.Status200OK, null, null);

    public static ParsedGraphQLRequest Fail(int statusCode, string error, string code = ErrorCodes.BadRequest) => new(null, statusCode, error, code);
}
