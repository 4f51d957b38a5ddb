using Actors.ServiceDefaults;

namespace Actors.Tests.Retention;

/// <summary>A cluster the retention tests drive: its grains, and the silo clock they move forward by months and years.</summary>
public interface IRetentionCluster
{
    IGrainFactory Grains { get; }

    RehearsalClock Clock { get; }

    /// <summary>Moves the silo's "now" to <paramref name="instant"/> (never back).</summary>
    void MoveTo(DateTimeOffset instant);
}
