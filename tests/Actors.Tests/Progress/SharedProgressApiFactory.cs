using Actors.Tests.Infrastructure;

namespace Actors.Tests.Progress;

/// <summary>The API host (embedded silo) with progress answers and responses shared for a minute, as with PostgreSQL but longer.</summary>
public sealed class SharedProgressApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "false",
        ["Progress:AnswerFreshness"] = "00:01:00",
    };
}
