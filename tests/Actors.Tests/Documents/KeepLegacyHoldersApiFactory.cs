using Actors.Tests.Infrastructure;

namespace Actors.Tests.Documents;

/// <summary>The API host (embedded silo) as during a rollout from the release without keyed holders: <c>Documents:KeepLegacyHolders</c>.</summary>
public sealed class KeepLegacyHoldersApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "false",
        ["Documents:KeepLegacyHolders"] = "true",
    };
}
