namespace Actors.Tests.Telemetry;

/// <summary>
/// The telemetry tests run alone: the "Actors" meter is one per process, so a transition taken by a test of another
/// collection running beside them would show in their counts. They also stop PostgreSQL under a silo.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryApiFactory>
{
    public const string Name = "telemetry";
}
