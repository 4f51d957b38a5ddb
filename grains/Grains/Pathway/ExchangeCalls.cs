using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Requests;

namespace Actors.Grains.Pathway;

/// <summary>
/// Every call to an outside system on a request's behalf goes through here, so that each one lands in the
/// exchange log with its purpose, the names of the data items sent, its outcome and its latency, whether
/// it answered or not.
/// </summary>
public sealed class ExchangeCalls(TimeProvider clock)
{
    /// <summary>
    /// Calls, then records the exchange: <paramref name="remember"/> changes the pathway's state before the
    /// exchange is committed, so what was learnt and its log entry are written together.
    /// </summary>
    public async Task<T> Run<T>(
        CitizenRequestView request,
        ExchangePlan plan,
        Func<CancellationToken, Task<T>> call,
        Func<T, (string Outcome, string? Detail)> describe,
        Func<ExchangeRecord, Task> commit,
        Action<T>? remember = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(commit);
        var started = clock.GetTimestamp();
        T answer;
        try
        {
            answer = await call(CancellationToken.None);
        }
        catch (OutsideSystemUnavailableException unavailable)
        {
            await commit(Record(request, plan, ("UNAVAILABLE", unavailable.Reason), started));
            throw;
        }
        catch (GatewayRefusalException refused)
        {
            await commit(Record(request, plan, ("REFUSED", refused.Code), started));
            throw;
        }

        remember?.Invoke(answer);
        await commit(Record(request, plan, describe(answer), started));
        return answer;
    }

    private ExchangeRecord Record(CitizenRequestView request, ExchangePlan plan, (string Code, string? Detail) outcome, long started) => new(
        Guid.NewGuid(), request.Id, request.Reference, request.CenterId, request.Governorate, plan.System, plan.Purpose,
        plan.DataItems, outcome.Code, (long)clock.GetElapsedTime(started).TotalMilliseconds, plan.Attempt, plan.TriggeredBy, clock.GetUtcNow(),
        outcome.Detail);
}
