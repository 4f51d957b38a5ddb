using Actors.Tests.Clocks;

namespace Actors.Tests.Documents;

/// <summary>
/// The movable-clock API with the per-address check limit out of the way: every check of these tests comes from
/// 127.0.0.1, and the per-code limit is the one under test (the per-address one is tested on the grain).
/// </summary>
public sealed class DocumentApiFactory : ClockApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(ClockSettings)
    {
        ["Documents:Access:ChecksPerAddress"] = "1000",
    };
}
