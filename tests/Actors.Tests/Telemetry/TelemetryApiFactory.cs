using Actors.Tests.Infrastructure;

namespace Actors.Tests.Telemetry;

/// <summary>The embedded API with the automatic pathway on, so that requests call the outside systems' sandboxes.</summary>
public sealed class TelemetryApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "true",
    };
}
