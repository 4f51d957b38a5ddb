using Actors.Contracts.Centers;

namespace Actors.Api.Scheduling;

public sealed class CategoryDesksInput
{
    public ServiceCategory Category { get; set; }

    public int Desks { get; set; }
}
