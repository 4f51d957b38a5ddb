namespace Actors.Api.Funds;

public sealed class MunicipalityWhere
{
    public List<string>? Governorates { get; set; }

    public List<string>? Codes { get; set; }

    public bool? IsNew { get; set; }

    public bool? IsDemo { get; set; }

    public string? Search { get; set; }
}
