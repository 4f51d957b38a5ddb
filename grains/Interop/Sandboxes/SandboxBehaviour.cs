using Actors.Contracts.Interop;
using Actors.Interop.Resilience;
using Microsoft.Extensions.Options;

namespace Actors.Interop.Sandboxes;

/// <summary>
/// What every sandbox call goes through before its answer: the fault its input asks for, else an outage or a
/// fault drawn from the configured rates, and the latency. Time comes from <see cref="TimeProvider"/> and every
/// wait honours cancellation, so that our timeout really cuts a slow answer.
/// </summary>
public sealed class SandboxBehaviour(IOptionsMonitor<SandboxOptions> options, SandboxChance chance, TimeProvider clock)
{
    /// <summary>Waits as the system would, then throws the fault, if any: a server error, or a timeout once the call hung long enough.</summary>
    public async Task Answer(OutsideSystem system, SandboxFault requested, CancellationToken cancellationToken)
    {
        var settings = options.Get(system.ToString());
        var fault = requested != SandboxFault.None ? requested : Draw(settings);
        if (fault == SandboxFault.Timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(settings.UnansweredMilliseconds), clock, cancellationToken);
            throw new TimeoutException($"The {system} sandbox did not answer within {settings.UnansweredMilliseconds} ms.");
        }

        var latency = settings.LatencyMilliseconds + (settings.LatencyJitterMilliseconds > 0 ? chance.Next(settings.LatencyJitterMilliseconds + 1) : 0);
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), clock, cancellationToken);
        }

        if (fault == SandboxFault.ServerError)
        {
            throw new OutsideSystemServerErrorException(system, 503);
        }
    }

    private SandboxFault Draw(SandboxOptions settings)
    {
        if (settings.Outage)
        {
            return SandboxFault.ServerError;
        }

        if (settings.FailureRate <= 0 && settings.TimeoutRate <= 0)
        {
            return SandboxFault.None;
        }

        var roll = chance.NextDouble();
        return roll < settings.FailureRate ? SandboxFault.ServerError
            : roll < settings.FailureRate + settings.TimeoutRate ? SandboxFault.Timeout
            : SandboxFault.None;
    }
}
