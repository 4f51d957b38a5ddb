namespace Actors.Api.Scheduling;

public sealed class SetCenterDesksInput
{
    public string CenterId { get; set; } = "";

    public List<CategoryDesksInput> Desks { get; set; } = [];

    public List<ServiceSlotLengthInput> SlotLengths { get; set; } = [];
}
