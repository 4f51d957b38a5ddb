namespace Actors.Contracts.Funds;

/// <summary>Every municipality by code (a few hundred), and the audit of the imports. JSON; members only added.</summary>
[GenerateSerializer]
public sealed class MunicipalityRegistryState
{
    public const int CurrentSchemaVersion = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    [Id(1)] public Dictionary<string, Municipality> Municipalities { get; set; } = [];
    [Id(2)] public List<MunicipalityImportRecord> Imports { get; set; } = [];
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public long Version { get; set; }
}
