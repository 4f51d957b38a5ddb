using Actors.Contracts.Interop;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace Actors.Interop.Resilience;

/// <summary>
/// Runs a call to an outside system through that system's pipeline and turns every way it can fail after
/// resilience into <see cref="OutsideSystemUnavailableException"/> with a stable reason: <c>timeout</c>,
/// <c>circuit-open</c> or <c>server-error</c>. Other exceptions (a refusal the caller understands, our own
/// cancellation) pass through unchanged.
/// </summary>
public sealed class OutsideSystemCalls(ResiliencePipelineProvider<OutsideSystem> pipelines, ILogger<OutsideSystemCalls> logger)
{
    public const string Timeout = "timeout";
    public const string CircuitOpen = "circuit-open";
    public const string ServerError = "server-error";

    /// <summary>A lookup: asking twice changes nothing, so transient failures are retried.</summary>
    public Task<T> Idempotent<T>(OutsideSystem system, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        Run(system, operation, idempotent: true, call, cancellationToken);

    /// <summary>A call with an effect (sending a message): tried once; the caller decides what to do after a failure.</summary>
    public Task<T> Once<T>(OutsideSystem system, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        Run(system, operation, idempotent: false, call, cancellationToken);

    private async Task<T> Run<T>(OutsideSystem system, string operation, bool idempotent, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetPipeline(system);

        // Continue on the caller's context: called from a grain, the call stays on the grain's scheduler.
        var context = ResilienceContextPool.Shared.Get($"{system}.{operation}", continueOnCapturedContext: true, cancellationToken);
        context.Properties.Set(OutsideSystemPipelines.Idempotent, idempotent);
        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, call) => await call(ctx.CancellationToken), context, call);
        }
        catch (Exception e) when (Reason(e, cancellationToken) is { } reason)
        {
            logger.LogWarning(e, "{System} {Operation} failed ({Reason}); the caller is told the system is unavailable.", system, operation, reason);
            throw new OutsideSystemUnavailableException(system, reason, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static string? Reason(Exception e, CancellationToken cancellationToken) => e switch
    {
        BrokenCircuitException => CircuitOpen,
        TimeoutRejectedException or TimeoutException => Timeout,
        OutsideSystemServerErrorException or HttpRequestException => ServerError,

        // A client's own timeout (e.g. HttpClient.Timeout) surfaces as a cancellation that nobody asked for.
        OperationCanceledException when !cancellationToken.IsCancellationRequested => Timeout,
        _ => null,
    };
}
