using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Actors.Api.Security;

public static class RateLimitingExtensions
{
    /// <summary>
    /// The ASP.NET Core rate limiter on the public endpoints (see <see cref="RateLimitingOptions"/>), and the
    /// expensive-operation budget GraphQL draws on once it has measured a document.
    /// </summary>
    public static WebApplicationBuilder AddActorsRateLimiting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<RateLimitingOptions>(builder.Configuration.GetSection(RateLimitingOptions.Section));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, limits) =>
        {
            var options = limits.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                ByAddress(options, expensive: false),
                ByIdentity(options, expensive: false),
                ByAddress(options, expensive: true),
                ByIdentity(options, expensive: true));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) =>
                new ValueTask(RateLimitingRefusal.WriteAsync(context.HttpContext, context.Lease, options.Window, cancellationToken));
        });
        return builder;
    }

    /// <summary>After authentication, so that a valid token's identity has its own budget.</summary>
    public static WebApplication UseActorsRateLimiting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>A fixed window per key: its refusal says exactly when the window ends (Retry-After).</summary>
    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static PartitionedRateLimiter<HttpContext> ByAddress(RateLimitingOptions options, bool expensive) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var endpoint = RateLimitingPartitions.EndpointOf(context.Request);
            if (endpoint is null || (expensive && !RateLimitingPartitions.IsExpensive(endpoint)))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var key = (expensive ? "expensive:" : string.Empty) + RateLimitingPartitions.AddressKey(endpoint, context.Connection.RemoteIpAddress?.ToString());
            var permits = expensive ? options.ExpensivePerAddress : options.PerAddress;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits, options.Window));
        });

    private static PartitionedRateLimiter<HttpContext> ByIdentity(RateLimitingOptions options, bool expensive) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var endpoint = RateLimitingPartitions.EndpointOf(context.Request);
            if (endpoint is null || (expensive && !RateLimitingPartitions.IsExpensive(endpoint))
                || RateLimitingPartitions.IdentityKey(endpoint, context.User) is not { } identity)
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var key = (expensive ? "expensive:" : string.Empty) + identity;
            var permits = expensive ? options.ExpensivePerIdentity : options.PerIdentity;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits, options.Window));
        });
}
