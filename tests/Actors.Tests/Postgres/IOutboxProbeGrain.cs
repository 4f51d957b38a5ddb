using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Postgres;

/// <summary>A test-only grain that persists like the domain grains: state with a version and the latest transition's outbox.</summary>
public interface IOutboxProbeGrain : IGrainWithGuidKey
{
    /// <summary>A transition: next version, one ProbeTransitioned event, one write.</summary>
    Task<long> TransitionAsync(string note);

    /// <summary>Writes the state again unchanged, outbox included, like a retried write.</summary>
    Task RewriteAsync();

    /// <summary>A transition whose event feeds the request index, as CitizenRequest's do.</summary>
    Task EmitRequestChangedAsync(RequestIndexEntry entry);

    Task<OutboxProbeSnapshot> GetAsync();

    /// <summary>Deactivates, so that the next call reads the state back from storage.</summary>
    Task DeactivateAsync();

    Task RegisterReminderAsync(string name);

    Task<bool> HasReminderAsync(string name);
}
