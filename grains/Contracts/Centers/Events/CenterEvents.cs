using System.Text.Json;
using Actors.Contracts.Outbox;

namespace Actors.Contracts.Centers.Events;

/// <summary>
/// Reading center events out of the outbox, for the consumers that keep the center directory. The
/// previous release wrote one ServiceCenterChanged (the view itself) per change; those may still sit
/// in an outbox during a rolling upgrade, so they are read too.
/// </summary>
public static class CenterEvents
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(CenterRegistered), typeof(CenterReadinessUpdated), typeof(CenterPhaseChanged), typeof(CenterServicesChanged),
        typeof(CenterCalendarChanged),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every outbox type that carries a center, the previous release's included.</summary>
    public static IReadOnlySet<string> Types { get; } =
        new HashSet<string>(ByName.Keys.Append(OutboxEventTypes.ServiceCenterChanged), StringComparer.Ordinal);

    /// <summary>The center as it was after the event, or null for an event that is not about a center.</summary>
    public static ServiceCenterView? CenterOf(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        if (outboxEvent.Type == OutboxEventTypes.ServiceCenterChanged)
        {
            return outboxEvent.PayloadAs<ServiceCenterView>();
        }

        return ByName.TryGetValue(outboxEvent.Type, out var type)
            ? ((ICenterEvent)(JsonSerializer.Deserialize(outboxEvent.Payload, type, OutboxJson.Options)
                               ?? throw new JsonException($"Empty {outboxEvent.Type} payload."))).Center
            : null;
    }

    /// <summary>The centers these events leave behind (the latest version of each), ready for the directory.</summary>
    public static IReadOnlyList<ServiceCenterView> LatestCenters(IEnumerable<OutboxEvent> events) =>
        events.Select(CenterOf).OfType<ServiceCenterView>()
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.Version)!)
            .ToList();
}
