using System.Globalization;
using System.Threading.RateLimiting;
using Actors.Api.GraphQL.Errors;
using Actors.Api.Transport;
using Actors.Contracts.Errors;
using Actors.Telemetry;
using GraphQL;

namespace Actors.Api.Security;

/// <summary>
/// The 429 answer: <c>Retry-After</c> in whole seconds, and a body in the endpoint's own terms — a GraphQL response
/// (code RATE_LIMITED, extensions.retryAfterSeconds) on /graphql, the <c>{ code, message }</c> of the other endpoints elsewhere.
/// </summary>
internal static class RateLimitingRefusal
{
    public const string Message = "Too many requests from this address or this account.";

    public static async Task WriteAsync(HttpContext context, RateLimitLease lease, TimeSpan window, CancellationToken cancellationToken)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Seconds(wait);
        ActorsMetrics.Rejected(ErrorCodes.RateLimited, ActorsMetrics.ByRateLimiter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";

        if (RateLimitingPartitions.EndpointOf(context.Request) == RateLimitingPartitions.GraphQL)
        {
            var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            var mediaType = GraphQLMediaTypes.Negotiate(context.Request.Headers.Accept) ?? GraphQLMediaTypes.GraphQLResponse;
            context.Response.ContentType = mediaType + "; charset=utf-8";
            var result = new ExecutionResult { Errors = [ApiErrors.RateLimited(Message, TimeSpan.FromSeconds(seconds))] };
            await serializer.WriteAsync(context.Response.Body, result, cancellationToken);
            return;
        }

        await context.Response.WriteAsJsonAsync(
            new { code = ErrorCodes.RateLimited, message = $"{Message} Try again in {seconds} s.", retryAfterSeconds = seconds },
            cancellationToken);
    }

    /// <summary>Whole seconds, at least 1: Retry-After has no fractions, and 0 would invite an immediate retry.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
