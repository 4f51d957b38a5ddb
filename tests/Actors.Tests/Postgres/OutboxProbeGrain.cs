using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Orleans.Storage;

namespace Actors.Tests.Postgres;

public sealed class OutboxProbeGrain(
    [PersistentState(OutboxProbeGrain.StateName, StorageNames.Domain)] IPersistentState<OutboxProbeState> state)
    : Grain, IOutboxProbeGrain, IRemindable
{
    public const string StateName = "outbox-probe";
    public const string AggregateType = "outbox-probe";
    public const string EventType = "ProbeTransitioned";

    public async Task<long> TransitionAsync(string note)
    {
        var version = state.State.Version + 1;
        var transitioned = new OutboxProbeState
        {
            Version = version,
            Notes = [.. state.State.Notes, note],
            Outbox = [new OutboxEvent(AggregateType, this.GetPrimaryKey().ToString("D"), version, EventType,
                OutboxJson.Serialize(new { note }), DateTimeOffset.UtcNow)],
        };
        await WriteAsync(transitioned);
        return version;
    }

    public Task RewriteAsync() => WriteAsync(state.State);

    public Task EmitRequestChangedAsync(RequestIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(new OutboxProbeState
        {
            Version = entry.Version,
            Notes = state.State.Notes,
            Outbox = [new OutboxEvent(AggregateTypes.CitizenRequest, entry.Id.ToString("D"), entry.Version,
                OutboxEventTypes.CitizenRequestChanged, OutboxJson.Serialize(entry), entry.UpdatedAt)],
        });
    }

    public Task<OutboxProbeSnapshot> GetAsync() => Task.FromResult(new OutboxProbeSnapshot(state.State.Version, state.State.Notes));

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task RegisterReminderAsync(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

    public async Task<bool> HasReminderAsync(string name) => await this.GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task WriteAsync(OutboxProbeState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Our copy is stale: drop it so the next call reloads what was actually committed.
            state.State = previous;
            DeactivateOnIdle();
            throw;
        }
    }
}
