namespace Actors.Api.Funds;

public sealed class ImportMunicipalitiesInput
{
    public string Csv { get; set; } = "";

    public string? Source { get; set; }
}
