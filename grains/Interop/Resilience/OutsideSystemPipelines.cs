using Actors.Contracts.Interop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Actors.Interop.Resilience;

/// <summary>
/// One resilience pipeline per outside system, from <c>Interop:&lt;System&gt;</c>: retry (idempotent calls only) →
/// circuit breaker → timeout per attempt. One breaker per system, shared by its idempotent and non-idempotent
/// calls: a system that is down is down for both.
/// </summary>
public static class OutsideSystemPipelines
{
    /// <summary>Set by <see cref="OutsideSystemCalls"/> on each call; the retry strategy reads it.</summary>
    public static readonly ResiliencePropertyKey<bool> Idempotent = new("actors.interop.idempotent");

    public static IServiceCollection AddOutsideSystemPipelines(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var system in Enum.GetValues<OutsideSystem>())
        {
            var name = system.ToString();
            services.AddOptions<OutsideSystemResilienceOptions>(name).Bind(configuration.GetSection($"Interop:{name}"));
            services.AddResiliencePipeline(system, (builder, context) =>
            {
                // A configuration change (a test's, an operator's) rebuilds the pipeline; the breaker starts closed again.
                context.EnableReloads<OutsideSystemResilienceOptions>(name);
                builder.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
                Build(builder, context.GetOptions<OutsideSystemResilienceOptions>(name));
            });
        }

        return services;
    }

    public static ResiliencePipelineBuilder Build(ResiliencePipelineBuilder builder, OutsideSystemResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryAttempts,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(10),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(Idempotent, false) && IsTransient(args.Outcome.Exception)),
            });
        }

        var breaker = options.CircuitBreaker;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(breaker.SamplingDurationSeconds),
            BreakDuration = TimeSpan.FromSeconds(breaker.BreakDurationSeconds),
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
        });
        return builder.AddTimeout(TimeSpan.FromMilliseconds(options.TimeoutMilliseconds));
    }

    /// <summary>
    /// What says "the system could not answer now": a server error or no answer in time. A business answer
    /// (a notification refused as undeliverable) or our own cancellation is not.
    /// </summary>
    public static bool IsTransient(Exception? exception) => exception is OutsideSystemServerErrorException
        or TimeoutRejectedException
        or TimeoutException
        or HttpRequestException;
}
