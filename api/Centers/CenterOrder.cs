namespace Actors.Api.Centers;

public sealed class CenterOrder
{
    public CenterSortField Field { get; set; } = CenterSortField.Code;

    public string Direction { get; set; } = "ASC";
}
