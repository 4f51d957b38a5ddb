namespace Actors.Api.GraphQL.Relay;

internal static class ConnectionNames
{
    /// <summary>CitizenRequestType → CitizenRequest.</summary>
    public static string NodeName<TNodeType>()
    {
        var name = typeof(TNodeType).Name;
        return name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
