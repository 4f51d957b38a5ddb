using System.Diagnostics;
using Actors.Contracts.Interop;
using Actors.Telemetry;
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

    /// <summary>Outcomes of a call that worked, as the <c>outcome</c> tag of <c>actors.outside_system.duration</c>.</summary>
    public const string Ok = "ok";

    public const string Refused = "refused";

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
        var systemName = system.ToString();
        using var activity = ActorsTelemetry.Source.StartActivity($"{systemName} {operation}", ActivityKind.Client);
        activity?.SetTag("actors.outside_system", systemName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await pipeline.ExecuteAsync(static async (ctx, call) => await call(ctx.CancellationToken), context, call);
            ActorsMetrics.OutsideSystemCall(systemName, operation, Ok, Stopwatch.GetElapsedTime(started), failed: false);
            return answer;
        }
        catch (Exception e) when (Reason(e, cancellationToken) is { } reason)
        {
            ActorsMetrics.OutsideSystemCall(systemName, operation, reason, Stopwatch.GetElapsedTime(started), failed: true);
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            logger.LogWarning(e, "{System} {Operation} failed ({Reason}); the caller is told the system is unavailable.", system, operation, reason);
            throw new OutsideSystemUnavailableException(system, reason, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A business answer (a declined refund, an undeliverable message): the system worked, the caller decides.
            ActorsMetrics.OutsideSystemCall(systemName, operation, Refused, Stopwatch.GetElapsedTime(started), failed: false);
            throw;
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
