using Actors.Contracts.Errors;
using Actors.Contracts.Outbox;
using Actors.Grains.Persistence;
using Actors.Telemetry;

namespace Actors.Grains.Steps;

/// <summary>
/// The one step pipeline of every grain that owns domain state: check → apply (state, history entry,
/// events) → persist once (write-or-restore) → publish. The grain checks and applies; this piece
/// guards the declared refusals, stamps the events into the state's outbox, writes the state with
/// its events in one write, restores the stored truth if the write fails, and only then publishes.
/// </summary>
public sealed class GrainSteps<TState>(
    IPersistentState<TState> state,
    IGrainBase grain,
    IOutboxPublisher outbox,
    TimeProvider clock,
    string aggregateType)
    where TState : IAggregateState
{
    /// <summary>The version and time of the next step.</summary>
    public (long Version, DateTimeOffset Now) Next() => (state.State.Version + 1, clock.GetUtcNow());

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Runs one operation: a refusal the operation does not declare is a bug and fails loudly
    /// (<see cref="UndeclaredRefusalException"/>) instead of reaching the caller as a generic error.
    /// </summary>
    public async Task<T> Run<T>(DomainOperation operation, Func<Task<T>> step)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(step);

        // One span per step, under the caller's grain call span: a slow step shows which operation of which aggregate.
        using var activity = ActorsTelemetry.Source.StartActivity(operation.Name);
        activity?.SetTag("actors.aggregate", aggregateType);
        try
        {
            return await step();
        }
        catch (DomainException refused) when (!operation.Declares(refused.Error.Code))
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, refused.Error.Code);
            throw new UndeclaredRefusalException(operation.Name, refused.Error.Code);
        }
        catch (DomainException refused)
        {
            activity?.SetTag("actors.refusal", refused.Error.Code);
            throw;
        }
    }

    /// <summary>
    /// Persists the applied step with its events (one write), then publishes them. A failed write
    /// drops the in-memory change (the stored truth is read back) and rethrows; nothing is published.
    /// </summary>
    public async Task Commit(
        string aggregateId,
        IReadOnlyList<IDomainEvent> events,
        Action? checkBeforeWrite = null,
        Action? afterRestore = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 0)
        {
            state.State.Version = events.Max(e => e.Version);
        }

        state.State.Outbox = events.Select(e => OutboxEvent.Of(aggregateType, aggregateId, e)).ToList();
        await state.WriteOrRestoreAsync(grain, checkBeforeWrite, afterRestore);
        StepTelemetry.Committed(aggregateType, events);
        await outbox.PublishAsync(state.State.Outbox, events);
    }
}
