using System.Security.Claims;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.Identity;
using Actors.Api.TrustedDocuments;
using Actors.Contracts.Errors;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Actors.Api.Transport;

/// <summary>GraphQL over HTTP (graphql-over-http spec): POST with a JSON body, GET for queries only.</summary>
public static class GraphQLHttpEndpoint
{
    /// <summary>
    /// Maps GET and POST on <paramref name="path"/>. To serve WebSockets on the same path use
    /// <see cref="GraphQLTransportEndpoints.MapGraphQLTransport"/> instead, which maps one endpoint for both.
    /// </summary>
    public static WebApplication MapGraphQLHttp(this WebApplication app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], context => HandleAsync(context, options))
            .WithDisplayName("GraphQL over HTTP");
        return app;
    }

    internal static async Task HandleAsync(HttpContext context, GraphQLTransportOptions options)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var isGet = HttpMethods.IsGet(context.Request.Method);
        context.Response.Headers.Vary = HeaderNames.Accept;

        if (!isGet && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, serializer, GraphQLMediaTypes.Json, StatusCodes.Status405MethodNotAllowed, "Use GET or POST.", ErrorCodes.MethodNotAllowed);
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(context.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(
                context,
                serializer,
                GraphQLMediaTypes.Json,
                StatusCodes.Status406NotAcceptable,
                $"Accept must allow {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.",
                ErrorCodes.NotAcceptable);
            return;
        }

        var (authenticated, user, authProblem) = await AuthenticateAsync(context);
        if (!authenticated)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(context, serializer, mediaType, StatusCodes.Status401Unauthorized, authProblem!, ErrorCodes.Unauthenticated);
            return;
        }

        var parsed = isGet
            ? GraphQLHttpRequestReader.ReadGet(context.Request, serializer)
            : await GraphQLHttpRequestReader.ReadPostAsync(context.Request, serializer, options.MaxRequestBytes, context.RequestAborted);
        if (parsed.Request is null)
        {
            await WriteErrorAsync(context, serializer, mediaType, parsed.StatusCode, parsed.Error!, parsed.ErrorCode);
            return;
        }

        var userContext = new GraphQLUserContext(user, context.Request.Headers.AcceptLanguage.ToString(), context.Connection.RemoteIpAddress?.ToString());
        var result = await GraphQLExecution.ExecuteAsync(
            parsed.Request,
            userContext,
            context.RequestServices,
            isGet ? HttpOperationTypeRule.ForGet : HttpOperationTypeRule.ForPost,
            context.RequestAborted,
            shareProgress: true);

        if (!result.Executed && result.Errors?.FirstOrDefault(error => error.Code == ErrorCodes.RateLimited) is { } limited)
        {
            context.Response.Headers.RetryAfter = Convert.ToString(limited.Data[ActorsErrorInfoProvider.RetryAfterSeconds], System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(context, serializer, mediaType, StatusCodes.Status429TooManyRequests, result);
            return;
        }

        // Whatever the media type: a client sending text where a hash is required, or an unknown hash, must fix its request.
        if (result.Errors?.Any(error => error is TrustedDocumentError) == true)
        {
            await WriteAsync(context, serializer, mediaType, StatusCodes.Status400BadRequest, result);
            return;
        }

        if (result.Errors?.Any(error => error is HttpOperationTypeError { IsGet: true }) == true)
        {
            context.Response.Headers.Allow = "POST";
            await WriteAsync(context, serializer, mediaType, StatusCodes.Status405MethodNotAllowed, result);
            return;
        }

        await WriteAsync(context, serializer, mediaType, StatusOf(result, mediaType), result);
    }

    /// <summary>
    /// Under application/json every GraphQL response is 200 (legacy clients read the body, not the status).
    /// Under application/graphql-response+json a request that never executed (parse, validation or
    /// variable coercion failure) is the client's fault: 400.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType)
    {
        if (result.Executed || mediaType != GraphQLMediaTypes.GraphQLResponse)
        {
            return StatusCodes.Status200OK;
        }

        return result.Errors is null || result.Errors.All(error => error is DocumentError)
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status500InternalServerError;
    }

    /// <summary>
    /// No Authorization header means anonymous: resolvers decide what anonymous callers may see.
    /// A header that does not authenticate is refused outright, so that a client with an expired
    /// token learns it instead of silently getting anonymous answers.
    /// </summary>
    private static async Task<(bool Authenticated, ClaimsPrincipal? User, string? Problem)> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString().Trim();

        // A bare "Bearer" is what GraphiQL's header editor holds until a token is pasted in.
        if (header.Length == 0 || header.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (true, null, null);
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (false, null, "The Authorization header must be 'Bearer <token>'.");
        }

        // The authentication middleware has checked the token already and kept a success; a refusal is asked for again
        // (the handler answers it from its own per-request result) to say why.
        var result = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Succeeded: true } checkedOnce
            ? checkedOnce
            : await context.AuthenticateAsync();
        if (result.Succeeded)
        {
            context.User = result.Principal;
            return (true, result.Principal, null);
        }

        return result.Failure switch
        {
            SecurityTokenExpiredException => (false, null, "The access token has expired."),
            TokenRefusedException refused => (false, null, "The access token is refused: " + refused.Message + "."),
            _ => (false, null, "The access token is invalid."),
        };
    }

    private static Task WriteErrorAsync(
        HttpContext context, IGraphQLTextSerializer serializer, string mediaType, int statusCode, string message, string? code)
    {
        var error = new ExecutionError(message);
        if (code is not null)
        {
            error.Code = code;
        }

        return WriteAsync(context, serializer, mediaType, statusCode, new ExecutionResult { Errors = [error] });
    }

    private static async Task WriteAsync(
        HttpContext context, IGraphQLTextSerializer serializer, string mediaType, int statusCode, ExecutionResult result)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        if (result is RenderedExecutionResult rendered)
        {
            await context.Response.Body.WriteAsync(rendered.Body, context.RequestAborted);
            return;
        }

        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
