namespace Actors.Api.Hosting;

/// <summary>Reads <c>Orleans:Topology</c>, refusing at start any value that is not a topology (a typo must not fall back silently).</summary>
public static class ApiTopologySetting
{
    public const string Key = "Orleans:Topology";

    public static ApiTopology From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return ApiTopology.Client;
        }

        // Names only: Enum.TryParse alone would also take "1" or "Client,CoHosted".
        return Enum.GetNames<ApiTopology>().FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.Parse<ApiTopology>(known)
            : throw new InvalidOperationException(
                $"{Key} is \"{value}\", which is not a topology: use {string.Join(" or ", Enum.GetNames<ApiTopology>())} (the default, Client, when unset).");
    }
}
