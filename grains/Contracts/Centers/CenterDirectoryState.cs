namespace Actors.Contracts.Centers;

[GenerateSerializer]
public sealed class CenterDirectoryState
{
    [Id(0)] public Dictionary<string, ServiceCenterView> Centers { get; set; } = new(StringComparer.Ordinal);
}
